# shellcheck shell=bash
# flux-usage: bench auth [--property=value...]
# flux-summary: measure logins against the raw password-hash rate, and GET latency under login load

help_bench_auth() {
	cat <<'EOF'
Properties go to the auth-service, e.g. ./flux bench auth --flux.auth.hashing.concurrency=2
The figures are printed beside the in-run baseline and written to .flux/bench/auth-<time>.json.
EOF
}

# Compiled in one reactor and run from the modules' target/ folders, so that nothing is installed
# into the Maven repository; a JVM of its own, with the heap the services get from ./flux up.
cmd_bench_auth() {
	local arg
	for arg in "$@"; do [[ $arg == --?* ]] || usage_error "'$arg' is not a --property=value for the auth-service"; done
	pick_jdk
	say "JDK: $JAVA_HOME"
	start_test_servers
	say "building the benchmark"
	"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -pl auth-service -am test-compile dependency:build-classpath \
		-Dspring-javaformat.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath ||
		die "the build failed"
	mkdir -p "$FLUX_DIR/logs"
	local module="$ROOT/auth-service/target"
	say "running the auth benchmark (about six minutes; the service logs to .flux/logs/auth-bench.log)"
	# shellcheck disable=SC2086
	"$JAVA_HOME/bin/java" ${FLUX_JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError} \
		-cp "$module/test-classes:$module/classes:$(cat "$module/bench.classpath")" dev.flux.auth.bench.AuthBenchmark \
		--logging.file.name="$FLUX_DIR/logs/auth-bench.log" "$@"
}
