# shellcheck shell=bash
# flux-usage: test [--quick | --system | --soak] [maven args]
# flux-summary: check the scripts and docs, run every test against real PostgreSQL and RabbitMQ, then stop them

help_test() {
	cat <<EOF
Runs shellcheck and the docs checks, starts a throw-away PostgreSQL and RabbitMQ (Testcontainers
instead when Docker runs), then ./mvnw verify with the arguments given, for example
  ./flux test -pl auth-service -am -Dtest='SignInTests' -Dsurefire.failIfNoSpecifiedTests=false
Ports of the throw-away servers: FLUX_TEST_PG_PORT (${TEST_PG_PORT}), FLUX_TEST_AMQP_PORT (${TEST_AMQP_PORT};
RabbitMQ also takes that port + 2 and + 3).

The suite includes the system tests of the whole deployment (system-tests' @SystemTest classes:
every service's jar as two processes on a three-node RabbitMQ cluster, the end-to-end scenarios,
the fault matrix of docs/reliability.md and the operator console in Chromium): about a third of
the suite's time.

--quick: every test but the system tests.

--system: only the system tests (the modules they need are built, their tests not run).

--soak: only the system tests' fault matrix (FaultMatrixTests), each fault FLUX_SOAK_ROUNDS (10)
times in a row on the same running system, under a 90 s workload (45 s otherwise); an hour or
more, not part of CI. The table of the run
is in system-tests/target/system-tests/fault-table.md.
EOF
}

cmd_test() {
	local started=$SECONDS soak='' system=() browser=1
	case ${1:-} in
	--soak)
		soak=1
		browser=''
		shift
		;;
	--quick)
		system=(-Dflux.system.excludedGroups=system)
		browser=''
		shift
		;;
	--system)
		system=(-pl system-tests -am '-Dtest=dev/flux/system/**' -Dsurefire.failIfNoSpecifiedTests=false)
		shift
		;;
	esac
	pick_jdk
	say "JDK: $JAVA_HOME"
	if [[ -z $soak ]]; then
		lint_scripts
		check_docs_sources
	fi
	if [[ -n $browser ]]; then
		# The operator console's browser test (system tests) drives Chromium.
		ensure_chromium
		export FLUX_CHROMIUM="$CHROMIUM"
	fi
	if docker_running; then
		say "Docker is running: integration tests use Testcontainers"
		unset FLUX_TEST_INFRA
	else
		start_test_servers
	fi
	local rc=0
	if [[ -n $soak ]]; then
		say "soak: every fault of the matrix ${FLUX_SOAK_ROUNDS:-10} times (system-tests only)"
		"$ROOT/mvnw" -B -f "$ROOT/pom.xml" verify -pl system-tests -am -Dtest=FaultMatrixTests \
			-Dsurefire.failIfNoSpecifiedTests=false -Dflux.system.rounds="${FLUX_SOAK_ROUNDS:-10}" -Dflux.system.workload=PT90S "$@" || rc=$?
	else
		say "running the test suite (./mvnw verify)"
		"$ROOT/mvnw" -B -f "$ROOT/pom.xml" verify "${system[@]}" "$@" || rc=$?
		((rc == 0)) && lint_openapi
	fi
	say "tests finished in $((SECONDS - started)) s"
	return "$rc"
}
