# shellcheck shell=bash
# Small helpers about the machine: root, apt-get, ports, processes.

is_root() { [[ $(id -u) -eq 0 ]]; }
can_apt() { is_root && command -v apt-get >/dev/null 2>&1; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_for() { # seconds command...: true once the command succeeds within that time
	local seconds=$1 deadline
	shift
	deadline=$((SECONDS + seconds))
	until "$@" >/dev/null 2>&1; do
		((SECONDS < deadline)) || return 1
		sleep 0.5
	done
}

pid_alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

apt_install() {
	say "installing $* with apt-get (you are root on a Debian-like system)"
	if [[ ! -f $FLUX_DIR/.apt-updated ]]; then
		apt-get update -q >/dev/null
		mkdir -p "$FLUX_DIR" && touch "$FLUX_DIR/.apt-updated"
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
}
