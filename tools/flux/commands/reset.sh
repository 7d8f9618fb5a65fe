# shellcheck shell=bash
# flux-usage: reset
# flux-summary: down, then wipe .flux/ (databases, queues, logs)

cmd_reset() {
	no_args "$@"
	stack_down
	rm -rf "$FLUX_DIR"
	[[ -d /var/lib/flux ]] && rm -rf "$(outside_dir)"
	ok "wiped .flux/"
}
