# shellcheck shell=bash
# flux-usage: logs [service]
# flux-summary: follow the logs of one service (or all of them, and the servers)

help_logs() {
	echo "service: auth, user, notification or chat (with or without -service). Files are in .flux/logs/."
}

cmd_logs() {
	(($# <= 1)) || usage_error "one service at most, got '$*'"
	[[ ${1:-} != -* ]] || usage_error "unknown option '$1'"
	mkdir -p "$FLUX_DIR/logs"
	if [[ $# -gt 0 ]]; then
		local svc=$1
		[[ $svc == *-service ]] || svc="$svc-service"
		[[ " ${SERVICES[*]} " == *" $svc "* ]] || die "no service '$1': choose one of ${SERVICES[*]}"
		exec tail -n 200 -F "$FLUX_DIR/logs/$svc.log"
	fi
	local files=()
	for svc in "${SERVICES[@]}"; do files+=("$FLUX_DIR/logs/$svc.log"); done
	[[ -f $FLUX_DIR/up/postgres/postgres.log ]] && files+=("$FLUX_DIR/up/postgres/postgres.log")
	exec tail -n 50 -F "${files[@]}"
}
