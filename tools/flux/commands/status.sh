# shellcheck shell=bash
# flux-usage: status
# flux-summary: what runs, where, and whether it is healthy

cmd_status() {
	no_args "$@"
	local svc port state mode=none
	[[ -f $FLUX_DIR/infra.env ]] && mode="$(sed -n 's/^FLUX_INFRA=//p' "$FLUX_DIR/infra.env")"
	printf '%-22s %-10s %s\n' WHAT STATE WHERE
	for svc in "${SERVICES[@]}"; do
		port="$(service_port "$svc")"
		if pid_alive "$(service_pidfile "$svc")"; then
			if state="$(curl -fsS "http://localhost:$(service_management_port "$svc")/actuator/health" 2>/dev/null)"; then
				state="$(sed -n 's/.*"status":"\([A-Z_]*\)"}$/\1/p' <<<"$state")"
			else
				state=STARTING
			fi
		else
			state=stopped
		fi
		if [[ $svc == operator-console ]]; then
			# a web page over the services' admin APIs: its own metrics are not worth a scrape
			printf '%-22s %-10s %s\n' "$svc" "$state" "http://localhost:$port (sign in with an admin account)"
		else
			printf '%-22s %-10s %s\n' "$svc" "$state" "http://localhost:$port, metrics http://localhost:$(service_management_port "$svc")/actuator/prometheus"
		fi
	done
	if [[ $mode == local ]]; then
		PG_BIN="$(pg_bindir || true)"
		if [[ -n $PG_BIN ]] && as_pg "$PG_BIN/pg_ctl" -D "$(readlink -f "$FLUX_DIR/up/postgres")/data" status >/dev/null 2>&1; then state=running; else state=stopped; fi
		printf '%-22s %-10s %s\n' postgresql "$state" "127.0.0.1:$UP_PG_PORT (data .flux/up/postgres)"
		if pid_alive "$FLUX_DIR/up/rabbitmq/rabbitmq.pid"; then state=running; else state=stopped; fi
		printf '%-22s %-10s %s\n' rabbitmq "$state" "127.0.0.1:$UP_AMQP_PORT, management http://localhost:$UP_MGMT_PORT"
	else
		printf '%-22s %-10s %s\n' 'postgresql, rabbitmq' "$mode" "$(grep -E '^FLUX_(DB|RABBITMQ)_(HOST|PORT)=' "$FLUX_DIR/infra.env" 2>/dev/null | tr '\n' ' ')"
	fi
}
