# shellcheck shell=bash
# flux-usage: down
# flux-summary: stop what up started (data in .flux/ survives)

cmd_down() {
	no_args "$@"
	stack_down
	ok "down (data kept in .flux/; ./flux reset wipes it)"
}
