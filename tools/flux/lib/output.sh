# shellcheck shell=bash
# Output of ./flux: progress, success, warnings and fatal errors (with how to fix them).

if [[ -t 1 ]]; then BOLD=$'\e[1m' RED=$'\e[31m' GREEN=$'\e[32m' YELLOW=$'\e[33m' RESET=$'\e[0m'; else BOLD='' RED='' GREEN='' YELLOW='' RESET=''; fi
say() { printf '%s==>%s %s\n' "$BOLD" "$RESET" "$*"; }
ok() { printf '%s ok %s %s\n' "$GREEN" "$RESET" "$*"; }
warn() { printf '%swarn%s %s\n' "$YELLOW" "$RESET" "$*" >&2; }
die() {
	printf '%sflux: %s%s\n' "$RED" "$1" "$RESET" >&2
	shift
	local line
	for line in "$@"; do printf '      %s\n' "$line" >&2; done
	exit 1
}
