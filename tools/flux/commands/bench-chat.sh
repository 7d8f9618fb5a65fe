# shellcheck shell=bash
# flux-usage: bench chat
# flux-summary: message sends against /livez, delivery to a 1,000-member server, history pages, DM round trip

help_bench_chat() {
	cat <<'EOF2'
Runs chat-service and notification-service (the gateway) as processes on throw-away servers and
prints each figure beside its in-run baseline and target, with uptime at start and end; the
figures are written to .flux/bench/chat.json. A smaller run: FLUX_BENCH_JAVA_OPTS (default -Xmx1g),
e.g. "-Xmx1g -Dbench.members=20 -Dbench.history=10000"; also bench.clients, bench.seconds,
bench.round, bench.pages, bench.warmupPages, and bench.serviceOpts for both services' JVMs (a JFR recording, say).
EOF2
}

# Both services as the jars ./flux up runs, so their CPU and memory are theirs; the clients, the
# 1,000 member sockets and the JDBC baseline live in the benchmark's JVM.
cmd_bench_chat() {
	no_args "$@"
	pick_jdk
	say "JDK: $JAVA_HOME"
	# The benchmark's JVM holds one descriptor per member socket, beyond the usual 1,024.
	ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
	mkdir -p "$FLUX_DIR"
	start_test_servers
	say "building chat-service, notification-service and the benchmark"
	"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -pl chat-service,notification-service -am package dependency:build-classpath \
		-DskipTests -Dspring-javaformat.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath \
		>"$FLUX_DIR/bench-build.log" 2>&1 || { tail -n 30 "$FLUX_DIR/bench-build.log" >&2; die "the build failed, see .flux/bench-build.log"; }
	say "running the chat benchmark (about five minutes; service logs in .flux/bench-chat-service.log and .flux/bench-notification-service.log)"
	local module="$ROOT/notification-service/target"
	# shellcheck disable=SC2086
	"$JAVA_HOME/bin/java" ${FLUX_BENCH_JAVA_OPTS:--Xmx1g} \
		-cp "$module/test-classes:$module/classes:$(cat "$module/bench.classpath")" dev.flux.notification.bench.ChatBenchmark
}
