#!/usr/bin/env bash
# flux: run, test and inspect the Flux backend on one machine. `./flux help` says how.
#
# This file only dispatches; the work lives in tools/flux/:
#   lib/*.sh       functions and settings every command may use (output, JDK, PostgreSQL, RabbitMQ,
#                  services, docs checks, argument checks). All are sourced first; they run nothing.
#   commands/*.sh  one file per command, sourced only when that command runs. The file name is the
#                  command: up.sh is `./flux up`, bench-auth.sh is `./flux bench auth` (`./flux bench`
#                  alone lists the bench-*.sh commands).
#
# Adding a command is one file, say tools/flux/commands/deploy-kubernetes.sh:
#   # shellcheck shell=bash
#   # flux-usage: deploy kubernetes [--namespace name]
#   # flux-summary: deploy the three services to the cluster of the current kubectl context
#   help_deploy_kubernetes() { echo "more help, printed under the two lines above"; }   # optional
#   cmd_deploy_kubernetes() { ...; }   # gets the arguments after the command words
# The dispatcher lists it in `./flux help` and answers `./flux deploy kubernetes --help` (or -h, or
# `./flux help deploy kubernetes`) from those lines without running it. A command checks its own
# arguments with no_args or usage_error (lib/args.sh), so a wrong one fails with the usage before
# anything happens. A new option of an existing command (`./flux up --cluster`) is a case in that
# command's argument loop, its code a lib file of its own. `./flux test` runs shellcheck on all of it,
# and LauncherTests (system-tests) checks the help and the argument checks of every command file.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FLUX_DIR="${FLUX_DIR:-$ROOT/.flux}"
FLUX_TOOLS="$ROOT/tools/flux"

for lib in "$FLUX_TOOLS"/lib/*.sh; do
	# shellcheck source=/dev/null
	. "$lib"
done
unset lib

# ---------------------------------------------------------------------------- commands and their help

command_file() { echo "$FLUX_TOOLS/commands/${1// /-}.sh"; }

# The value of a "# flux-<key>: value" header line of a command file.
command_header() { # command key
	sed -n "s/^# flux-$2: //p" "$(command_file "$1")"
}

command_usage_line() { # command
	echo "usage: ./flux $(command_header "$1" usage)"
}

# Every command, as typed ("bench auth"), in file-name order.
all_commands() {
	local file name
	for file in "$FLUX_TOOLS"/commands/*.sh; do
		name="$(basename "$file" .sh)"
		echo "${name//-/ }"
	done
}

command_help() { # command
	local name=$1 fn
	command_usage_line "$name"
	echo
	command_header "$name" summary
	fn="help_${name// /_}"
	# shellcheck source=/dev/null
	. "$(command_file "$name")"
	if declare -F "$fn" >/dev/null; then
		echo
		"$fn"
	fi
}

# The commands starting with the given words ("bench"), one line each: usage and summary.
command_list() { # [group]
	local prefix=${1:+$1 } name
	while IFS= read -r name; do
		[[ $name == "$prefix"* ]] || continue
		command_line "./flux $(command_header "$name" usage)" "$(command_header "$name" summary)"
	done < <(all_commands)
}

command_line() { # usage summary: the summary on a line of its own when the usage is long
	if ((${#1} <= 24)); then
		printf '  %-24s %s\n' "$1" "$2"
	else
		printf '  %s\n  %-24s %s\n' "$1" '' "$2"
	fi
}

usage() {
	cat <<EOF
${BOLD}flux${RESET}: run and test the Flux backend (auth-service, user-service, notification-service, chat-service).

$(command_list)
$(command_line './flux help [command]' 'this text, or the help of one command (as is ./flux <command> --help)')

Where PostgreSQL and RabbitMQ come from: ./flux up --help.
More: README.md (configuration, troubleshooting).
EOF
}

group_usage() { # group
	echo "usage: ./flux $1 <what>"
	echo
	command_list "$1"
}

# Splits the arguments into the command they name and the rest: sets COMMAND ("bench auth") and
# COMMAND_WORDS (how many arguments it took); COMMAND is a group ("bench") when only that matched.
resolve_command() {
	COMMAND='' COMMAND_WORDS=0
	local first=${1:-} second=${2:-}
	[[ $first =~ ^[a-z][a-z0-9]*$ ]] || return 1
	if [[ $second =~ ^[a-z][a-z0-9]*$ && -f $(command_file "$first $second") ]]; then
		COMMAND="$first $second" COMMAND_WORDS=2
	elif [[ -f $(command_file "$first") ]]; then
		COMMAND=$first COMMAND_WORDS=1
	elif compgen -G "$FLUX_TOOLS/commands/$first-*.sh" >/dev/null; then
		COMMAND=$first COMMAND_WORDS=1
		return 2
	else
		return 1
	fi
}

wants_help() {
	local arg
	for arg in "$@"; do [[ $arg == -h || $arg == --help ]] && return 0; done
	return 1
}

main() {
	local first=${1:-help} rc=0
	case $first in
	help | -h | --help)
		(($# > 1)) || { usage; return; }
		shift
		resolve_command "$@" || rc=$?
		case $rc in
		0) command_help "$COMMAND" ;;
		2) group_usage "$COMMAND" ;;
		*) die "no command '$*'; ./flux help lists them" ;;
		esac
		return
		;;
	esac
	resolve_command "$@" || rc=$?
	case $rc in
	0) ;;
	2)
		shift
		if wants_help "$@"; then
			group_usage "$COMMAND"
			return
		fi
		group_usage "$COMMAND" >&2
		[[ -n ${1:-} ]] || die "./flux $COMMAND needs one of the commands above"
		die "unknown command '$COMMAND $1'"
		;;
	*)
		usage >&2
		die "unknown command '$first'"
		;;
	esac
	shift "$COMMAND_WORDS"
	if wants_help "$@"; then
		command_help "$COMMAND"
		return
	fi
	# shellcheck disable=SC2034 # read by usage_error (lib/args.sh)
	FLUX_COMMAND=$COMMAND
	# shellcheck source=/dev/null
	. "$(command_file "$COMMAND")"
	"cmd_${COMMAND// /_}" "$@"
}

main "$@"
