# shellcheck shell=bash
# flux-usage: bench events
# flux-summary: measure raw RabbitMQ against the outbox relay and end-to-end latency

cmd_bench_events() {
	no_args "$@"
	pick_jdk
	say "JDK: $JAVA_HOME"
	start_test_servers
	say "building the benchmark"
	"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -pl flux-test-support,common-events -am install -DskipTests \
		-Dspring-javaformat.skip=true || die "the build failed"
	say "running the events benchmark (about a minute)"
	"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -pl common-events exec:java -Dexec.classpathScope=test \
		-Dexec.mainClass=dev.flux.events.bench.EventsBenchmark
}
