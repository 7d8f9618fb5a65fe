# shellcheck shell=bash
# flux-usage: bench ws
# flux-summary: hold 10,000 WebSockets on the gateway: RSS per connection, fan-out latency

# The gateway runs as its own process (the jar ./flux up runs), so its memory is measured
# apart from the 10,000 client sockets, which live in the benchmark's JVM.
cmd_bench_ws() {
	no_args "$@"
	pick_jdk
	say "JDK: $JAVA_HOME"
	# Each side holds one descriptor per socket (plus the JVM's own): raise the soft limit.
	ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
	(($(ulimit -n) >= 12000)) || die "the open-file limit is $(ulimit -n); 10,000 sockets need about 11,000 per process" \
		"raise it (ulimit -Hn, /etc/security/limits.conf or the container's nofile limit) and run again"
	mkdir -p "$FLUX_DIR"
	start_test_servers
	say "building notification-service and the benchmark"
	"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -pl notification-service -am package dependency:build-classpath \
		-DskipTests -Dspring-javaformat.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath \
		>"$FLUX_DIR/bench-build.log" 2>&1 || { tail -n 30 "$FLUX_DIR/bench-build.log" >&2; die "the build failed, see .flux/bench-build.log"; }
	say "running the gateway benchmark (a few minutes; service log in .flux/bench-notification-service.log)"
	local svc="$ROOT/notification-service/target"
	# shellcheck disable=SC2086
	"$JAVA_HOME/bin/java" ${FLUX_BENCH_JAVA_OPTS:--Xmx3g} -cp "$svc/test-classes:$svc/classes:$(cat "$svc/bench.classpath")" \
		dev.flux.notification.bench.GatewayBenchmark
}
