# shellcheck shell=bash
# flux-usage: bench events
# flux-summary: measure raw RabbitMQ against the outbox relay and the consumers, and end-to-end latency

# Compiled in one reactor and run from common-events' target/ folders, so that nothing is installed
# into the shared Maven repository. The figures also go to .flux/bench/events.json for scripts.
cmd_bench_events() {
	no_args "$@"
	pick_jdk
	say "JDK: $JAVA_HOME"
	start_test_servers
	say "building the benchmark"
	"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -pl common-events -am test-compile dependency:build-classpath \
		-Dspring-javaformat.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath ||
		die "the build failed"
	mkdir -p "$FLUX_DIR/bench"
	say "load before: $(uptime)"
	say "running the events benchmark (about six minutes)"
	local module="$ROOT/common-events/target"
	# shellcheck disable=SC2086
	"$JAVA_HOME/bin/java" ${FLUX_BENCH_JAVA_OPTS:--Xmx1g} -Dflux.bench.output="$FLUX_DIR/bench/events.json" \
		-cp "$module/test-classes:$module/classes:$(cat "$module/bench.classpath")" dev.flux.events.bench.EventsBenchmark
	say "load after: $(uptime)"
}
