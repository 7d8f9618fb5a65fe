# shellcheck shell=bash
# Argument checks for commands: a wrong argument fails with the command's usage, before anything runs.

# The command running, as typed ("bench auth"); the dispatcher sets it.
FLUX_COMMAND=${FLUX_COMMAND:-}

usage_error() { # message
	printf '%sflux: %s%s\n' "$RED" "$1" "$RESET" >&2
	command_usage_line "$FLUX_COMMAND" >&2
	printf 'Run ./flux %s --help for more.\n' "$FLUX_COMMAND" >&2
	exit 2
}

no_args() { # "$@" of a command that takes no arguments
	(($# == 0)) || usage_error "'./flux $FLUX_COMMAND' takes no arguments, got '$1'"
}
