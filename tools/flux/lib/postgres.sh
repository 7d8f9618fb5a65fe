# shellcheck shell=bash
# PostgreSQL servers of our own, from the installed binaries, data under .flux/<instance>/postgres.

PG_ADMIN=flux_admin

pg_bindir() {
	local dir
	for dir in $(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V -r); do
		[[ -x $dir/initdb && -x $dir/pg_ctl ]] && { echo "$dir"; return; }
	done
	command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1 && dirname "$(command -v pg_ctl)"
}

ensure_pg_binaries() {
	PG_BIN="$(pg_bindir || true)"
	if [[ -z $PG_BIN ]]; then
		can_apt || die "PostgreSQL server binaries (initdb, pg_ctl) are not installed." \
			"Install them: sudo apt-get install -y postgresql   (macOS: brew install postgresql@17)" \
			"or start Docker, or point FLUX_DB_HOST/FLUX_DB_PORT at a server you run."
		apt_install postgresql
		PG_BIN="$(pg_bindir)" || die "apt-get installed postgresql but initdb/pg_ctl are still missing"
	fi
	command -v psql >/dev/null 2>&1 || PATH="$PG_BIN:$PATH"
}

# PostgreSQL refuses to run as root: as root, it runs as the 'postgres' user of the package.
as_pg() {
	if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Where PostgreSQL data of this checkout lives when the 'postgres' user cannot reach .flux/.
outside_dir() { echo "/var/lib/flux/$(printf '%s' "$FLUX_DIR" | md5sum | cut -c1-12)"; }

# The data directory of an instance: under .flux/, or, when the 'postgres' user cannot reach
# .flux/ (a checkout under /root, say), under /var/lib/flux with a link from .flux/.
pg_dir_for() {
	local name=$1 dir="$FLUX_DIR/$1/postgres"
	if is_root && ! runuser -u postgres -- test -x "$FLUX_DIR" 2>/dev/null; then
		local outside
		outside="$(outside_dir)/$name/postgres"
		mkdir -p "$outside" "$(dirname "$dir")"
		[[ -L $dir ]] || ln -sfn "$outside" "$dir"
		dir="$outside"
	fi
	mkdir -p "$dir"
	echo "$dir"
}

pg_start() { # instance port
	local name=$1 port=$2 dir
	ensure_pg_binaries
	mkdir -p "$FLUX_DIR/$name"
	dir="$(pg_dir_for "$name")"
	mkdir -p "$dir/run"
	chmod 700 "$dir/run"
	is_root && chown -R postgres:postgres "$dir"
	if [[ ! -f $dir/data/PG_VERSION ]]; then
		say "creating a PostgreSQL cluster in $dir/data"
		as_pg "$PG_BIN/initdb" -D "$dir/data" -U "$PG_ADMIN" -E UTF8 --locale=C \
			--auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 ||
			die "initdb failed, see $dir/initdb.log"
	fi
	if as_pg "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
		ok "PostgreSQL already running on 127.0.0.1:$port"
	else
		port_open 127.0.0.1 "$port" && die "port $port is taken by another program; choose others with FLUX_LOCAL_PG_PORT / FLUX_TEST_PG_PORT"
		say "starting PostgreSQL on 127.0.0.1:$port"
		as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
			-o "-p $port -k $dir/run -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null ||
			die "PostgreSQL did not start, see $dir/postgres.log"
	fi
	PGHOST="$dir/run" PGPORT="$port" PGUSER="$PG_ADMIN" PGDATABASE=postgres \
		"$ROOT/deploy/postgres/init-flux-databases.sh" || die "could not create the Flux databases and roles"
	ok "PostgreSQL: databases flux_auth, flux_user, flux_notification, flux_chat, one login role each"
}

pg_stop() { # instance
	local dir="$FLUX_DIR/$1/postgres"
	[[ -f $dir/data/PG_VERSION ]] || return 0
	PG_BIN="${PG_BIN:-$(pg_bindir || true)}"
	[[ -n $PG_BIN ]] || return 0
	if as_pg "$PG_BIN/pg_ctl" -D "$(readlink -f "$dir")/data" status >/dev/null 2>&1; then
		as_pg "$PG_BIN/pg_ctl" -D "$(readlink -f "$dir")/data" -m fast -w -t 60 stop >/dev/null && ok "PostgreSQL ($1) stopped"
	fi
}
