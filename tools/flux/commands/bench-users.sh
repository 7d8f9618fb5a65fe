# shellcheck shell=bash
# flux-usage: bench users
# flux-summary: measure GET /api/users/{id} against an unauthenticated endpoint of user-service

# The user-service in this JVM on the throw-away servers, loaded by closed-loop HTTP clients. Built in
# the reactor (nothing installed into the local Maven repository), run from its test classpath.
cmd_bench_users() {
	no_args "$@"
	pick_jdk
	say "JDK: $JAVA_HOME"
	start_test_servers
	say "building the benchmark"
	local classpath="$ROOT/user-service/target/bench.classpath"
	"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -pl user-service -am package dependency:build-classpath -DskipTests \
		-Dspring-javaformat.skip=true -Dmdep.includeScope=test -Dmdep.outputFile="$classpath" || die "the build failed"
	say "running the users benchmark (about 2 minutes)"
	# shellcheck disable=SC2086
	"$JAVA_HOME/bin/java" ${FLUX_BENCH_JAVA_OPTS:--Xmx1g} \
		-cp "$ROOT/user-service/target/test-classes:$ROOT/user-service/target/classes:$(cat "$classpath")" \
		dev.flux.user.bench.UsersBenchmark
}
