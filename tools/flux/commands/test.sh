# shellcheck shell=bash
# flux-usage: test [maven args]
# flux-summary: check the scripts and docs, run every test against real PostgreSQL and RabbitMQ, then stop them

help_test() {
	cat <<EOF
Runs shellcheck and the docs checks, starts a throw-away PostgreSQL and RabbitMQ (Testcontainers
instead when Docker runs), then ./mvnw verify with the arguments given, for example
  ./flux test -pl auth-service -am -Dtest='SignInTests' -Dsurefire.failIfNoSpecifiedTests=false
Ports of the throw-away servers: FLUX_TEST_PG_PORT (${TEST_PG_PORT}), FLUX_TEST_AMQP_PORT (${TEST_AMQP_PORT};
RabbitMQ also takes that port + 2 and + 3).
EOF
}

cmd_test() {
	local started=$SECONDS
	pick_jdk
	say "JDK: $JAVA_HOME"
	lint_scripts
	check_docs_sources
	if docker_running; then
		say "Docker is running: integration tests use Testcontainers"
		unset FLUX_TEST_INFRA
	else
		start_test_servers
	fi
	say "running the test suite (./mvnw verify)"
	local rc=0
	"$ROOT/mvnw" -B -f "$ROOT/pom.xml" verify "$@" || rc=$?
	((rc == 0)) && lint_openapi
	say "tests finished in $((SECONDS - started)) s"
	return "$rc"
}
