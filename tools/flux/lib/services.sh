# shellcheck shell=bash
# The services of ./flux up (and the operator console): build, start, wait for readiness, stop.

service_port() {
	case $1 in
	auth-service) echo "${FLUX_AUTH_PORT:-8081}" ;;
	user-service) echo "${FLUX_USER_PORT:-8082}" ;;
	notification-service) echo "${FLUX_NOTIFICATION_PORT:-8083}" ;;
	chat-service) echo "${FLUX_CHAT_PORT:-8084}" ;;
	operator-console) echo "${FLUX_CONSOLE_PORT:-8085}" ;;
	esac
}

# The actuator's own port (health details, metrics, /actuator/prometheus): the service's port + 1000.
service_management_port() {
	case $1 in
	auth-service) echo "${FLUX_AUTH_MANAGEMENT_PORT:-9081}" ;;
	user-service) echo "${FLUX_USER_MANAGEMENT_PORT:-9082}" ;;
	notification-service) echo "${FLUX_NOTIFICATION_MANAGEMENT_PORT:-9083}" ;;
	chat-service) echo "${FLUX_CHAT_MANAGEMENT_PORT:-9084}" ;;
	operator-console) echo "${FLUX_CONSOLE_MANAGEMENT_PORT:-9085}" ;;
	esac
}

jar_of() { echo "$ROOT/$1/target/$1.jar"; }

# Rebuilds the services whose jar is missing or older than their sources, the libraries or a pom.
build_stale() {
	local stale=() svc jar
	for svc in "${SERVICES[@]}"; do
		jar="$(jar_of "$svc")"
		if [[ ! -f $jar ]] || [[ -n $(find "$ROOT/$svc/src" "$ROOT/$svc/pom.xml" "$ROOT/common-events/src" \
			"$ROOT/common-events/pom.xml" "$ROOT/flux-security/src" "$ROOT/flux-security/pom.xml" "$ROOT/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null) ]]; then
			stale+=("$svc")
		fi
	done
	REBUILT=("${stale[@]}")
	((${#stale[@]})) || { ok "services are up to date"; return; }
	say "building ${stale[*]}"
	local list
	list="$(IFS=,; echo "${stale[*]}")"
	"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -DskipTests -Dspring-javaformat.skip=true -pl "$list" -am package >"$FLUX_DIR/logs/build.log" 2>&1 ||
		{ tail -n 40 "$FLUX_DIR/logs/build.log" >&2; die "the build failed, see .flux/logs/build.log"; }
	ok "built ${stale[*]}"
}

service_pidfile() { echo "$FLUX_DIR/run/$1.pid"; }

service_start() {
	local svc=$1 port management pidfile log
	port="$(service_port "$svc")"
	pidfile="$(service_pidfile "$svc")"
	log="$FLUX_DIR/logs/$svc.log"
	if pid_alive "$pidfile"; then
		if [[ " ${REBUILT[*]} " == *" $svc "* ]]; then
			say "restarting $svc (rebuilt)"
			service_stop "$svc"
		else
			ok "$svc already running on :$port"
			return
		fi
	fi
	port_open 127.0.0.1 "$port" && die "port $port is taken by another program; $svc needs it" "Free it, or move $svc with FLUX_${svc%%-*}_PORT (e.g. FLUX_AUTH_PORT=7081)."
	management="$(service_management_port "$svc")"
	port_open 127.0.0.1 "$management" && die "port $management is taken by another program; $svc's metrics need it" "Free it, or move them with FLUX_${svc%%-*}_MANAGEMENT_PORT (e.g. FLUX_AUTH_MANAGEMENT_PORT=7091)."
	# shellcheck disable=SC1091
	(
		set -a
		. "$FLUX_DIR/infra.env"
		set +a
		export FLUX_HTTP_PORT="$port" FLUX_MANAGEMENT_PORT="$management"
		# Where the operator console reaches each service's admin API.
		FLUX_CONSOLE_AUTH_URL="http://localhost:$(service_port auth-service)"
		FLUX_CONSOLE_USER_URL="http://localhost:$(service_port user-service)"
		FLUX_CONSOLE_NOTIFICATION_URL="http://localhost:$(service_port notification-service)"
		FLUX_CONSOLE_CHAT_URL="http://localhost:$(service_port chat-service)"
		export FLUX_CONSOLE_AUTH_URL FLUX_CONSOLE_USER_URL FLUX_CONSOLE_NOTIFICATION_URL FLUX_CONSOLE_CHAT_URL
		[[ -n ${FLUX_LOG_FORMAT:-} ]] && export LOGGING_STRUCTURED_FORMAT_CONSOLE="$FLUX_LOG_FORMAT"
		# shellcheck disable=SC2086
		setsid "$JAVA_HOME/bin/java" ${FLUX_JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError} -jar "$(jar_of "$svc")" >>"$log" 2>&1 </dev/null &
		echo $! >"$pidfile"
	)
}

service_wait() {
	local svc=$1 port pidfile
	port="$(service_port "$svc")"
	pidfile="$(service_pidfile "$svc")"
	local deadline=$((SECONDS + ${FLUX_START_TIMEOUT:-180}))
	until curl -fsS "http://localhost:$port/readyz" >/dev/null 2>&1; do
		if ! pid_alive "$pidfile"; then
			tail -n 30 "$FLUX_DIR/logs/$svc.log" >&2
			die "$svc stopped while starting, see .flux/logs/$svc.log"
		fi
		((SECONDS < deadline)) || die "$svc was not ready after ${FLUX_START_TIMEOUT:-180} s, see .flux/logs/$svc.log"
		sleep 1
	done
	ok "$svc ready on http://localhost:$port"
}

service_stop() {
	local svc=$1 pidfile pid
	pidfile="$(service_pidfile "$svc")"
	pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
	pid="$(cat "$pidfile")"
	kill "$pid" 2>/dev/null || true
	wait_for 40 bash -c "! kill -0 $pid" || kill -9 "$pid" 2>/dev/null || true
	rm -f "$pidfile"
	ok "$svc stopped"
}

# Stops the services and the servers ./flux up started (data stays in .flux/).
stack_down() {
	local svc
	for svc in "${SERVICES[@]}"; do service_stop "$svc"; done
	infra_down
}
