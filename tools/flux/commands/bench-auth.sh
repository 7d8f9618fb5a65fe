# shellcheck shell=bash
# flux-usage: bench auth [--property=value...]
# flux-summary: measure logins against the raw password-hash rate, and GET latency under login load

help_bench_auth() {
	echo "Properties go to the auth-service, e.g. ./flux bench auth --flux.auth.hashing.concurrency=2"
}

AUTOGROUP=/proc/sys/kernel/sched_autogroup_enabled

# The auth-service's hashing threads run under SCHED_IDLE, which yields only to the normal threads
# of their own scheduling group. With Linux's autogroup (a group per session), the bench's
# PostgreSQL (pg_ctl starts it in a session of its own) is another group, weighed equally against
# the whole JVM, idle hashing included: perf sched showed PostgreSQL preempted for a hashing thread
# and the GET waiting up to a scheduler tick behind one (docs/benchmarks.md). In production the
# database has its own machine, so for the bench autogroup is turned off before the servers start
# (they keep the setting they start with) and on again at exit; FLUX_BENCH_AUTOGROUP=on keeps it.
# Prints "1" when it turned it off.
autogroup_off_for_bench() {
	[[ -r $AUTOGROUP && $(<"$AUTOGROUP") == 1 ]] || return 0
	if { echo 0 >"$AUTOGROUP"; } 2>/dev/null; then
		say "scheduler autogroup off while the bench runs (FLUX_BENCH_AUTOGROUP=on keeps it)" >&2
		echo 1
	else
		warn "cannot turn the scheduler's autogroup off (needs root): PostgreSQL will compete with the" \
			"service's idle hashing threads, and the GET figures under logins will be worse than in production"
	fi
}

# Compiled in one reactor and run from the modules' target/ folders, so that nothing is installed
# into the Maven repository; a JVM of its own, with the heap the services get from ./flux up.
# Compiled in one reactor and run from the modules' target/ folders, so that nothing is installed
# into the Maven repository; a JVM of its own, with the heap the services get from ./flux up.
cmd_bench_auth() {
	local arg
	for arg in "$@"; do [[ $arg == --?* ]] || usage_error "'$arg' is not a --property=value for the auth-service"; done
	pick_jdk
	say "JDK: $JAVA_HOME"
	local autogroup_off=
	[[ ${FLUX_BENCH_AUTOGROUP:-off} == off ]] && autogroup_off=$(autogroup_off_for_bench)
	start_test_servers
	[[ -n $autogroup_off ]] && trap 'stop_test_servers; echo 1 >"$AUTOGROUP"' EXIT
	say "building the benchmark"
	"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -pl auth-service -am test-compile dependency:build-classpath \
		-Dspring-javaformat.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath ||
		die "the build failed"
	mkdir -p "$FLUX_DIR/logs"
	local module="$ROOT/auth-service/target"
	say "running the auth benchmark (about six minutes; the service logs to .flux/logs/auth-bench.log)"
	# shellcheck disable=SC2086
	"$JAVA_HOME/bin/java" ${FLUX_JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError} --enable-native-access=ALL-UNNAMED \
		-cp "$module/test-classes:$module/classes:$(cat "$module/bench.classpath")" dev.flux.auth.bench.AuthBenchmark \
		--logging.file.name="$FLUX_DIR/logs/auth-bench.log" "$@"
}
