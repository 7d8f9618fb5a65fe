#!/usr/bin/env bash
# flux: run, test and inspect the Flux backend on one machine. `./flux help` says how.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FLUX_DIR="${FLUX_DIR:-$ROOT/.flux}"
SERVICES=(auth-service user-service notification-service chat-service)

# Ports of the servers ./flux starts itself: far from the system defaults (5432, 5672, 15672),
# so a PostgreSQL or RabbitMQ installed on the machine keeps working beside Flux.
# "up" is the instance the services run on; "test" is a throw-away instance for ./flux test.
UP_PG_PORT="${FLUX_LOCAL_PG_PORT:-55432}"
UP_AMQP_PORT="${FLUX_LOCAL_AMQP_PORT:-55672}"
UP_MGMT_PORT="${FLUX_LOCAL_MANAGEMENT_PORT:-55673}"
UP_SMTP_PORT="${FLUX_LOCAL_SMTP_PORT:-1025}"
UP_MAIL_PORT="${FLUX_LOCAL_MAIL_PORT:-8025}"
TEST_PG_PORT="${FLUX_TEST_PG_PORT:-55442}"
TEST_AMQP_PORT="${FLUX_TEST_AMQP_PORT:-55682}"

PG_ADMIN=flux_admin
RABBIT_ADMIN=flux-admin

# ---------------------------------------------------------------------------- output

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

usage() {
	cat <<EOF
${BOLD}flux${RESET}: run and test the Flux backend (auth-service, user-service, notification-service, chat-service).

  ./flux up              build what is stale, start PostgreSQL, RabbitMQ and the three services
  ./flux down            stop what up started (data in .flux/ survives)
  ./flux status          what runs, where, and whether it is healthy
  ./flux logs [service]  follow the logs of one service (or all of them, and the servers)
  ./flux reset           down, then wipe .flux/ (databases, queues, logs)
  ./flux test            check the docs, run every test against real PostgreSQL and RabbitMQ, then stop them
  ./flux docs            render diagrams/ to docs/diagrams/, validate docs/asyncapi.yaml, lint docs/openapi/
  ./flux bench events    measure raw RabbitMQ against the outbox relay and end-to-end latency
  ./flux bench auth      measure logins against the raw password-hash rate, and GET latency under login load
  ./flux bench users     measure GET /api/users/{id} against an unauthenticated endpoint of user-service
  ./flux bench ws        hold 10,000 WebSockets on the gateway: RSS per connection, fan-out latency
  ./flux help            this text

Where PostgreSQL and RabbitMQ come from, first match wins:
  1. servers you configured: FLUX_DB_HOST / FLUX_DB_PORT and FLUX_RABBITMQ_HOST / FLUX_RABBITMQ_PORT
     (with FLUX_DB_ADMIN_USER/_PASSWORD and FLUX_RABBITMQ_ADMIN_USER/_PASSWORD, flux provisions them)
  2. a running Docker engine: the postgres and rabbitmq services of docker-compose.yml
  3. local servers from the installed binaries, data under .flux/, ports ${UP_PG_PORT} and ${UP_AMQP_PORT}
     (installed with apt-get when missing and you are root on Debian/Ubuntu)

More: README.md (configuration, troubleshooting).
EOF
}

# ---------------------------------------------------------------------------- JDK 21+

java_major() {
	"$1/bin/java" -XshowSettings:properties -version 2>&1 |
		awk -F= '/java.specification.version/ { gsub(/ /, "", $2); split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]) }'
}

# Sets JAVA_HOME to a JDK 21+: JAVA_HOME when it qualifies, else the newest one found in the usual places.
pick_jdk() {
	if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/javac ]]; then
		local major
		major="$(java_major "$JAVA_HOME")"
		if ((${major:-0} >= 21)); then
			export JAVA_HOME
			return
		fi
		warn "JAVA_HOME=$JAVA_HOME is Java ${major:-?}; Flux needs 21+, looking for another JDK"
	fi
	local candidates=() dir best='' best_major=0 major
	local on_path
	on_path="$(command -v javac 2>/dev/null || true)"
	[[ -n $on_path ]] && candidates+=("$(dirname "$(dirname "$(readlink -f "$on_path")")")")
	for dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*jdk* "$HOME"/.sdkman/candidates/java/* \
		"$HOME"/.jdks/* "$HOME"/.asdf/installs/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
		/opt/homebrew/opt/openjdk*/libexec/openjdk.jdk/Contents/Home; do
		[[ -x $dir/bin/javac ]] && candidates+=("$dir")
	done
	for dir in "${candidates[@]}"; do
		major="$(java_major "$dir")"
		if ((${major:-0} >= 21 && major > best_major)); then
			best="$dir"
			best_major="$major"
		fi
	done
	[[ -n $best ]] || die "no JDK 21 or newer found (looked at JAVA_HOME, javac on PATH and /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks)." \
		"Install one, for example Eclipse Temurin 21 (https://adoptium.net) or 'sudo apt-get install openjdk-21-jdk' where your release has it," \
		"then run again or point JAVA_HOME at it."
	export JAVA_HOME="$best"
}

# ---------------------------------------------------------------------------- helpers

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

# ---------------------------------------------------------------------------- PostgreSQL (local)

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

# ---------------------------------------------------------------------------- RabbitMQ (local)

rabbit_bindir() {
	local dir
	for dir in /usr/lib/rabbitmq/bin /usr/local/sbin /opt/homebrew/sbin /usr/sbin; do
		[[ -x $dir/rabbitmq-server && -x $dir/rabbitmqctl ]] && { echo "$dir"; return; }
	done
	return 1
}

ensure_rabbit_binaries() {
	RABBIT_BIN="$(rabbit_bindir || true)"
	if [[ -z $RABBIT_BIN ]]; then
		can_apt || die "RabbitMQ (rabbitmq-server) is not installed." \
			"Install it: sudo apt-get install -y rabbitmq-server   (macOS: brew install rabbitmq)" \
			"or start Docker, or point FLUX_RABBITMQ_HOST/FLUX_RABBITMQ_PORT at a broker you run."
		apt_install rabbitmq-server
		RABBIT_BIN="$(rabbit_bindir)" || die "apt-get installed rabbitmq-server but its scripts are missing"
	fi
}

# Everything a RabbitMQ node of ours needs to stay apart from a system install: own node name,
# ports (AMQP, management, distribution, epmd), config, data, logs and Erlang cookie.
rabbit_env() { # instance amqp-port management-port
	local name=$1 amqp=$2 mgmt=$3 dir="$FLUX_DIR/$1/rabbitmq"
	mkdir -p "$dir/mnesia" "$dir/log" "$dir/home"
	export RABBITMQ_NODENAME="flux-$name@localhost"
	export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
	export RABBITMQ_NODE_PORT="$amqp"
	export RABBITMQ_DIST_PORT=$((amqp + 2))
	export ERL_EPMD_PORT=$((amqp + 3))
	export RABBITMQ_MNESIA_BASE="$dir/mnesia"
	export RABBITMQ_LOG_BASE="$dir/log"
	export RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
	export RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
	export RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
	export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
	export RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
	export HOME="$dir/home"
	: >"$RABBITMQ_CONF_ENV_FILE"
	{
		echo "listeners.tcp.default = 127.0.0.1:$amqp"
		echo "log.file.level = warning"
		echo "log.console = false"
		if [[ -n $mgmt ]]; then
			echo "management.tcp.ip = 127.0.0.1"
			echo "management.tcp.port = $mgmt"
		fi
	} >"$RABBITMQ_CONFIG_FILE"
	if [[ -n $mgmt ]]; then echo '[rabbitmq_management].' >"$RABBITMQ_ENABLED_PLUGINS_FILE"; else echo '[].' >"$RABBITMQ_ENABLED_PLUGINS_FILE"; fi
}

rabbitmqctl_() { "$RABBIT_BIN/rabbitmqctl" -q "$@"; }

# Lets fault tests stop and start the test broker (rabbitmqctl stop_app / start_app).
export_broker_control() { # instance amqp-port
	local dir="$FLUX_DIR/$1/rabbitmq"
	export FLUX_TEST_RABBITMQCTL="$RABBIT_BIN/rabbitmqctl"
	export FLUX_TEST_RABBITMQ_NODENAME="flux-$1@localhost"
	export FLUX_TEST_RABBITMQ_HOME="$dir/home"
	export FLUX_TEST_ERL_EPMD_PORT=$(($2 + 3))
}

rabbit_start() { # instance amqp-port management-port
	local name=$1 amqp=$2 mgmt=$3
	ensure_rabbit_binaries
	(
		rabbit_env "$name" "$amqp" "$mgmt"
		if pid_alive "$RABBITMQ_PID_FILE" && rabbitmqctl_ ping >/dev/null 2>&1; then
			ok "RabbitMQ already running on 127.0.0.1:$amqp"
		else
			port_open 127.0.0.1 "$amqp" && die "port $amqp is taken by another program; choose others with FLUX_LOCAL_AMQP_PORT / FLUX_TEST_AMQP_PORT"
			say "starting RabbitMQ on 127.0.0.1:$amqp"
			setsid "$RABBIT_BIN/rabbitmq-server" >"$RABBITMQ_LOG_BASE/startup.log" 2>&1 </dev/null &
			wait_for 90 rabbitmqctl_ await_startup --timeout 5 ||
				die "RabbitMQ did not start in 90 s, see $RABBITMQ_LOG_BASE/startup.log and $RABBITMQ_LOG_BASE"
		fi
		rabbitmqctl_ import_definitions "$ROOT/deploy/rabbitmq/definitions.json" >/dev/null ||
			die "could not load deploy/rabbitmq/definitions.json into RabbitMQ"
		rabbitmqctl_ delete_user guest >/dev/null 2>&1 || true
	)
	ok "RabbitMQ: vhost flux, users flux-auth, flux-user, flux-notification, flux-chat (least privilege), $RABBIT_ADMIN"
}

rabbit_stop() { # instance
	local name=$1 dir="$FLUX_DIR/$1/rabbitmq"
	[[ -f $dir/rabbitmq.conf ]] || return 0
	RABBIT_BIN="${RABBIT_BIN:-$(rabbit_bindir || true)}"
	[[ -n $RABBIT_BIN ]] || return 0
	(
		local amqp
		amqp="$(sed -n 's/^listeners.tcp.default = 127.0.0.1://p' "$dir/rabbitmq.conf")"
		rabbit_env "$name" "$amqp" "$(sed -n 's/^management.tcp.port = //p' "$dir/rabbitmq.conf")"
		if pid_alive "$RABBITMQ_PID_FILE"; then
			local pid
			pid="$(cat "$RABBITMQ_PID_FILE")"
			rabbitmqctl_ stop >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
			wait_for 30 bash -c "! kill -0 $pid" || kill -9 "$pid" 2>/dev/null || true
			ok "RabbitMQ ($name) stopped"
		fi
		# The Erlang port mapper of our node listens on a port of its own; stop it too.
		local epmd
		epmd="$(find /usr/lib/erlang/erts-*/bin /usr/lib/erlang/bin /usr/bin -name epmd -type f 2>/dev/null | head -1)"
		if [[ -n $epmd ]]; then "$epmd" -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true; fi
	)
}

# ---------------------------------------------------------------------------- mail catcher (local)

GREENMAIL_VERSION=2.1.13

# GreenMail standalone (Maven Central, fetched once into .flux/tools/) catches every email the
# notification-service sends: SMTP on 127.0.0.1:$UP_SMTP_PORT, read them through its API.
mail_start() {
	local jar="$FLUX_DIR/tools/greenmail-standalone-$GREENMAIL_VERSION.jar" pidfile="$FLUX_DIR/run/mail.pid"
	if pid_alive "$pidfile"; then
		ok "mail catcher already running on 127.0.0.1:$UP_SMTP_PORT"
		return
	fi
	if [[ ! -f $jar ]]; then
		say "fetching the GreenMail mail catcher from Maven Central"
		"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
			-DoutputDirectory="$FLUX_DIR/tools" >"$FLUX_DIR/logs/mail-fetch.log" 2>&1 ||
			{ warn "could not fetch GreenMail (.flux/logs/mail-fetch.log): emails will be retried, then dead-lettered"; return; }
	fi
	port_open 127.0.0.1 "$UP_SMTP_PORT" && die "port $UP_SMTP_PORT (SMTP) is taken by another program; choose another with FLUX_LOCAL_SMTP_PORT"
	setsid "$JAVA_HOME/bin/java" -Xmx128m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$UP_SMTP_PORT" \
		-Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$UP_MAIL_PORT" \
		-jar "$jar" >>"$FLUX_DIR/logs/mail.log" 2>&1 </dev/null &
	echo $! >"$pidfile"
	wait_for 30 port_open 127.0.0.1 "$UP_SMTP_PORT" || warn "the mail catcher did not start, see .flux/logs/mail.log"
	ok "mail catcher: SMTP 127.0.0.1:$UP_SMTP_PORT, mail at http://localhost:$UP_MAIL_PORT/api/user/<address>/messages/INBOX"
}

mail_stop() {
	local pidfile="$FLUX_DIR/run/mail.pid"
	if pid_alive "$pidfile"; then
		kill "$(cat "$pidfile")" 2>/dev/null || true
		ok "mail catcher stopped"
	fi
	rm -f "$pidfile"
}

# ---------------------------------------------------------------------------- infrastructure choice

docker_running() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

# Writes .flux/infra.env: which servers the services use and how to reach them.
infra_up() {
	mkdir -p "$FLUX_DIR"
	if [[ -n ${FLUX_DB_HOST:-} || -n ${FLUX_RABBITMQ_HOST:-} ]]; then
		infra_configured
	elif docker_running; then
		infra_docker
	else
		pg_start up "$UP_PG_PORT"
		rabbit_start up "$UP_AMQP_PORT" "$UP_MGMT_PORT"
		write_infra local 127.0.0.1 "$UP_PG_PORT" 127.0.0.1 "$UP_AMQP_PORT" "http://localhost:$UP_MGMT_PORT"
	fi
	infra_mail
}

# Where the notification-service's emails go and how to read them, appended to .flux/infra.env.
infra_mail() {
	if [[ -n ${FLUX_SMTP_HOST:-} ]]; then
		echo "FLUX_MAIL_READ='on your SMTP server $FLUX_SMTP_HOST'" >>"$FLUX_DIR/infra.env"
	elif [[ $(sed -n 's/^FLUX_INFRA=//p' "$FLUX_DIR/infra.env") == docker ]]; then
		echo "FLUX_MAIL_READ='http://localhost:8025 (mailpit)'" >>"$FLUX_DIR/infra.env"
	else
		mkdir -p "$FLUX_DIR/run" "$FLUX_DIR/logs"
		mail_start
		{
			echo "FLUX_SMTP_HOST=127.0.0.1"
			echo "FLUX_SMTP_PORT=$UP_SMTP_PORT"
			echo "FLUX_MAIL_READ='curl -s http://localhost:$UP_MAIL_PORT/api/user/<address>/messages/INBOX (GreenMail)'"
		} >>"$FLUX_DIR/infra.env"
	fi
}

write_infra() { # mode db-host db-port rabbit-host rabbit-port management-url
	cat >"$FLUX_DIR/infra.env" <<EOF
FLUX_INFRA=$1
FLUX_DB_HOST=$2
FLUX_DB_PORT=$3
FLUX_RABBITMQ_HOST=$4
FLUX_RABBITMQ_PORT=$5
FLUX_RABBITMQ_MANAGEMENT_URL=$6
EOF
}

infra_configured() {
	local db_host="${FLUX_DB_HOST:?set FLUX_DB_HOST too (FLUX_RABBITMQ_HOST is set)}" db_port="${FLUX_DB_PORT:-5432}"
	local mq_host="${FLUX_RABBITMQ_HOST:?set FLUX_RABBITMQ_HOST too (FLUX_DB_HOST is set)}" mq_port="${FLUX_RABBITMQ_PORT:-5672}"
	port_open "$db_host" "$db_port" || die "FLUX_DB_HOST is set, but no PostgreSQL answers on $db_host:$db_port." "Start it, fix the variables, or unset them to let flux start its own."
	port_open "$mq_host" "$mq_port" || die "FLUX_RABBITMQ_HOST is set, but no RabbitMQ answers on $mq_host:$mq_port." "Start it, fix the variables, or unset them to let flux start its own."
	ok "using the configured PostgreSQL $db_host:$db_port and RabbitMQ $mq_host:$mq_port"
	if [[ -n ${FLUX_DB_ADMIN_USER:-} ]]; then
		command -v psql >/dev/null 2>&1 || die "psql is needed to provision $db_host: sudo apt-get install -y postgresql-client"
		PGHOST="$db_host" PGPORT="$db_port" PGUSER="$FLUX_DB_ADMIN_USER" PGPASSWORD="${FLUX_DB_ADMIN_PASSWORD:-}" PGDATABASE=postgres \
			"$ROOT/deploy/postgres/init-flux-databases.sh" || die "could not create the Flux databases and roles on $db_host:$db_port"
		ok "PostgreSQL provisioned"
	else
		warn "FLUX_DB_ADMIN_USER is not set: assuming databases flux_auth, flux_user, flux_notification, flux_chat and their roles exist"
	fi
	local mgmt="${FLUX_RABBITMQ_MANAGEMENT_URL:-http://$mq_host:15672}"
	if [[ -n ${FLUX_RABBITMQ_ADMIN_USER:-} ]]; then
		curl -fsS -u "$FLUX_RABBITMQ_ADMIN_USER:${FLUX_RABBITMQ_ADMIN_PASSWORD:-}" -H 'content-type: application/json' \
			-X POST --data-binary "@$ROOT/deploy/rabbitmq/definitions.json" "$mgmt/api/definitions" >/dev/null ||
			die "could not load deploy/rabbitmq/definitions.json through $mgmt (is the management plugin on?)"
		ok "RabbitMQ provisioned through $mgmt"
	else
		warn "FLUX_RABBITMQ_ADMIN_USER is not set: assuming vhost flux and the service users exist"
	fi
	write_infra configured "$db_host" "$db_port" "$mq_host" "$mq_port" "$mgmt"
}

infra_docker() {
	say "Docker is running: starting postgres, rabbitmq and mailpit from docker-compose.yml"
	docker compose -f "$ROOT/docker-compose.yml" up -d --wait postgres rabbitmq mailpit || die "docker compose could not start the servers"
	write_infra docker 127.0.0.1 "${FLUX_COMPOSE_PG_PORT:-55432}" 127.0.0.1 "${FLUX_COMPOSE_AMQP_PORT:-55672}" "http://localhost:15672"
}

infra_down() {
	local mode=''
	[[ -f $FLUX_DIR/infra.env ]] && mode="$(sed -n 's/^FLUX_INFRA=//p' "$FLUX_DIR/infra.env")"
	mail_stop
	case $mode in
	docker) docker compose -f "$ROOT/docker-compose.yml" stop postgres rabbitmq mailpit ;;
	configured) ok "PostgreSQL and RabbitMQ are yours (configured): left running" ;;
	*)
		rabbit_stop up
		pg_stop up
		;;
	esac
}

# ---------------------------------------------------------------------------- services

service_port() {
	case $1 in
	auth-service) echo "${FLUX_AUTH_PORT:-8081}" ;;
	user-service) echo "${FLUX_USER_PORT:-8082}" ;;
	notification-service) echo "${FLUX_NOTIFICATION_PORT:-8083}" ;;
	chat-service) echo "${FLUX_CHAT_PORT:-8084}" ;;
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
	local svc=$1 port pidfile log
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
	port_open 127.0.0.1 "$port" && die "port $port is taken by another program; $svc needs it" "Free it, or move $svc with FLUX_${svc%%-*}_PORT (e.g. FLUX_AUTH_PORT=9081)."
	# shellcheck disable=SC1091
	(
		set -a
		. "$FLUX_DIR/infra.env"
		set +a
		export FLUX_HTTP_PORT="$port"
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
	until curl -fsS "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1; do
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

# ---------------------------------------------------------------------------- docs

# The docs tools are npm packages pinned by tools/docs/package-lock.json and installed into
# tools/docs/node_modules; Mermaid CLI drives Debian's Chromium and never downloads a browser.
DOCS_TOOLS="$ROOT/tools/docs"

ensure_docs_tools() {
	if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
		can_apt || die "Node.js and npm are needed to check the docs (diagrams, AsyncAPI, OpenAPI)." \
			"Install them: sudo apt-get install -y nodejs npm   (macOS: brew install node)"
		apt_install nodejs npm
	fi
	CHROMIUM="${FLUX_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
	if [[ -z $CHROMIUM ]]; then
		can_apt || die "Chromium is needed to render the diagrams." \
			"Install it: sudo apt-get install -y chromium   (or point FLUX_CHROMIUM at a Chrome or Chromium binary)"
		apt_install chromium
		CHROMIUM="$(command -v chromium)" || die "apt-get installed chromium but there is no chromium command"
	fi
	local stamp="$DOCS_TOOLS/node_modules/.flux-lock" lock
	lock="$(sha256sum "$DOCS_TOOLS/package-lock.json" | cut -d' ' -f1)"
	[[ -f $stamp && $(cat "$stamp") == "$lock" ]] && return
	say "installing the docs tools from tools/docs/package-lock.json (once; about a minute)"
	mkdir -p "$FLUX_DIR/logs"
	(cd "$DOCS_TOOLS" && PUPPETEER_SKIP_DOWNLOAD=true SCARF_ANALYTICS=false npm ci --no-audit --no-fund --loglevel=error) >"$FLUX_DIR/logs/npm.log" 2>&1 ||
		{ tail -n 20 "$FLUX_DIR/logs/npm.log" >&2; die "npm ci failed in tools/docs, see .flux/logs/npm.log"; }
	echo "$lock" >"$stamp"
}

# Renders every diagram, then validates the AsyncAPI document; the Java tests check what they say.
check_docs_sources() {
	local started=$SECONDS
	ensure_docs_tools
	node "$DOCS_TOOLS/render-diagrams.mjs" "$ROOT" "$CHROMIUM" ||
		die "a diagram under diagrams/ does not render: the message above names the file, the line and what Mermaid expected." \
			"Fix the .mmd (a ';' or an unquoted '(' in a label are the usual causes), then run ./flux docs to check it alone."
	node "$DOCS_TOOLS/validate-asyncapi.mjs" "$ROOT/docs/asyncapi.yaml" ||
		die "docs/asyncapi.yaml is not a valid AsyncAPI 3 document: see the paths and lines above." \
			"Fix it, then run ./flux docs; EventDocsTests (common-events) says what it must list."
	ok "docs: diagrams rendered to docs/diagrams/, docs/asyncapi.yaml valid ($((SECONDS - started)) s)"
}

# Lints the OpenAPI documents the services' tests exported (RunningServiceContract), and checks
# that docs/api.md links each of them.
lint_openapi() {
	local started=$SECONDS files=() file
	ensure_docs_tools
	shopt -s nullglob
	files=("$ROOT"/docs/openapi/*.json)
	shopt -u nullglob
	((${#files[@]})) || die "docs/openapi/ holds no OpenAPI document." \
		"The services' tests export them: run ./flux test (or ./mvnw verify -pl auth-service -am) first."
	"$DOCS_TOOLS/node_modules/.bin/spectral" lint --quiet --ruleset "$DOCS_TOOLS/spectral.yaml" --fail-severity=error "${files[@]}" ||
		die "Spectral found errors in docs/openapi/ (listed above, with the JSON path of each)." \
			"They come from the service's controllers and springdoc annotations: fix them there, the tests export the document again."
	for file in "${files[@]}"; do
		grep -qF "(openapi/$(basename "$file"))" "$ROOT/docs/api.md" ||
			die "docs/api.md does not link openapi/$(basename "$file")" \
				"Link it in the service's row of the table in docs/api.md: [openapi/$(basename "$file")](openapi/$(basename "$file"))."
	done
	ok "docs: ${#files[@]} OpenAPI document(s) in docs/openapi/ lint clean ($((SECONDS - started)) s)"
}

cmd_docs() {
	check_docs_sources
	lint_openapi
}

# ---------------------------------------------------------------------------- commands

cmd_up() {
	local started=$SECONDS
	command -v curl >/dev/null 2>&1 || { can_apt && apt_install curl; } || die "curl is needed: sudo apt-get install -y curl"
	pick_jdk
	mkdir -p "$FLUX_DIR/logs" "$FLUX_DIR/run"
	say "JDK: $JAVA_HOME"
	build_stale
	infra_up
	local svc
	for svc in "${SERVICES[@]}"; do service_start "$svc"; done
	for svc in "${SERVICES[@]}"; do service_wait "$svc"; done
	# shellcheck disable=SC1091
	. "$FLUX_DIR/infra.env"
	cat <<EOF

${BOLD}Flux is up${RESET} in $((SECONDS - started)) s.
  auth-service          http://localhost:$(service_port auth-service)       health: /actuator/health
  user-service          http://localhost:$(service_port user-service)
  notification-service  http://localhost:$(service_port notification-service)
  chat-service          http://localhost:$(service_port chat-service)
  PostgreSQL            $FLUX_DB_HOST:$FLUX_DB_PORT   databases flux_auth, flux_user, flux_notification, flux_chat ($FLUX_INFRA)
  RabbitMQ              $FLUX_RABBITMQ_HOST:$FLUX_RABBITMQ_PORT   vhost flux; management $FLUX_RABBITMQ_MANAGEMENT_URL ($RABBIT_ADMIN / $RABBIT_ADMIN)
  emails                ${FLUX_MAIL_READ:-not caught}
  realtime gateway      ws://localhost:$(service_port notification-service)/ws   (access token in the handshake or an identify message)
  logs                  ./flux logs [service]   (files in .flux/logs/)

Try: curl -s localhost:8081/actuator/health/readiness
Stop with ./flux down.
EOF
}

cmd_down() {
	local svc
	for svc in "${SERVICES[@]}"; do service_stop "$svc"; done
	infra_down
	ok "down (data kept in .flux/; ./flux reset wipes it)"
}

cmd_status() {
	local svc port state mode=none
	[[ -f $FLUX_DIR/infra.env ]] && mode="$(sed -n 's/^FLUX_INFRA=//p' "$FLUX_DIR/infra.env")"
	printf '%-22s %-10s %s\n' WHAT STATE WHERE
	for svc in "${SERVICES[@]}"; do
		port="$(service_port "$svc")"
		if pid_alive "$(service_pidfile "$svc")"; then
			if state="$(curl -fsS "http://localhost:$port/actuator/health" 2>/dev/null)"; then
				state="$(sed -n 's/.*"status":"\([A-Z_]*\)"}$/\1/p' <<<"$state")"
			else
				state=STARTING
			fi
		else
			state=stopped
		fi
		printf '%-22s %-10s %s\n' "$svc" "$state" "http://localhost:$port"
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

cmd_logs() {
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

cmd_reset() {
	cmd_down
	rm -rf "$FLUX_DIR"
	[[ -d /var/lib/flux ]] && rm -rf "$(outside_dir)"
	ok "wiped .flux/"
}

lint_scripts() {
	if ! command -v shellcheck >/dev/null 2>&1; then
		can_apt || die "shellcheck is needed to check the scripts: sudo apt-get install -y shellcheck"
		apt_install shellcheck
	fi
	shellcheck -x "$ROOT/flux" "$ROOT/.ci/run" "$ROOT"/deploy/postgres/*.sh || die "shellcheck found problems in the scripts"
	ok "shellcheck: scripts are clean"
}

stop_test_servers() {
	rabbit_stop test || true
	pg_stop test || true
}

# Fresh, throw-away PostgreSQL and RabbitMQ for tests and benchmarks, stopped when flux exits.
start_test_servers() {
	say "starting throw-away PostgreSQL and RabbitMQ (data in .flux/test/)"
	stop_test_servers
	rm -rf "$FLUX_DIR/test"
	[[ -d /var/lib/flux ]] && rm -rf "$(outside_dir)/test"
	trap 'stop_test_servers' EXIT
	# "sample" is the database of common-events' own tests, which play a service of their own.
	export FLUX_DATABASE_SERVICES="auth user notification chat sample"
	pg_start test "$TEST_PG_PORT"
	rabbit_start test "$TEST_AMQP_PORT" ''
	export_broker_control test "$TEST_AMQP_PORT"
	export FLUX_TEST_INFRA=external
	export FLUX_DB_HOST=127.0.0.1 FLUX_DB_PORT="$TEST_PG_PORT"
	export FLUX_RABBITMQ_HOST=127.0.0.1 FLUX_RABBITMQ_PORT="$TEST_AMQP_PORT"
}

cmd_bench() {
	local what=${1:-}
	[[ $# -gt 0 ]] && shift
	case $what in
	events) bench_events ;;
	auth) bench_auth "$@" ;;
	users) bench_users ;;
	ws) bench_ws ;;
	*)
		die "usage: ./flux bench events | auth [--property=value...] | users | ws" \
			"events: raw RabbitMQ baseline vs outbox relay and end-to-end latency" \
			"auth:   raw password-hash rate vs logins over HTTP, and GET latency at rest vs under login load;" \
			"        properties go to the auth-service (e.g. --flux.auth.hashing.concurrency=2)" \
			"users:  GET /api/users/{id} against an unauthenticated endpoint of the same user-service" \
			"ws:     the notification gateway holding 10,000 WebSockets (memory per connection, fan-out latency)"
		;;
	esac
}

bench_events() {
	pick_jdk
	say "JDK: $JAVA_HOME"
	start_test_servers
	say "building the benchmark"
	"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -pl flux-test-support,common-events -am install -DskipTests \
		-Dspring-javaformat.skip=true || die "the build failed"
	say "running the events benchmark (about a minute)"
	"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -pl common-events exec:java -Dexec.classpathScope=test \
		-Dexec.mainClass=dev.flux.events.bench.EventsBenchmark
}

AUTOGROUP=/proc/sys/kernel/sched_autogroup_enabled

# The auth-service's hashing threads run under SCHED_IDLE, which yields only to the normal threads
# of their own scheduling group. With Linux's autogroup (a group per session), the bench's
# PostgreSQL (pg_ctl starts it in a session of its own) is another group, weighed equally against
# the whole JVM, idle hashing included: perf sched showed PostgreSQL preempted for a hashing thread
# and the GET waiting up to a scheduler tick behind one (docs/benchmarks.md). In production the
# database has its own machine, so for the bench autogroup is turned off before the servers start
# (they keep the setting they start with) and on again at exit; FLUX_BENCH_AUTOGROUP=on keeps it.
# Prints "1" when it turned it off.
autogroup_off_for_bench() {
	[[ -r $AUTOGROUP && $(<"$AUTOGROUP") == 1 ]] || return 0
	if { echo 0 >"$AUTOGROUP"; } 2>/dev/null; then
		say "scheduler autogroup off while the bench runs (FLUX_BENCH_AUTOGROUP=on keeps it)" >&2
		echo 1
	else
		warn "cannot turn the scheduler's autogroup off (needs root): PostgreSQL will compete with the" \
			"service's idle hashing threads, and the GET figures under logins will be worse than in production"
	fi
}

# Compiled in one reactor and run from the modules' target/ folders, so that nothing is installed
# into the Maven repository; a JVM of its own, with the heap the services get from ./flux up.
# Arguments are passed to the auth-service (--flux.auth.hashing.concurrency=2, say).
bench_auth() {
	pick_jdk
	say "JDK: $JAVA_HOME"
	local autogroup_off=
	[[ ${FLUX_BENCH_AUTOGROUP:-off} == off ]] && autogroup_off=$(autogroup_off_for_bench)
	start_test_servers
	[[ -n $autogroup_off ]] && trap 'stop_test_servers; echo 1 >"$AUTOGROUP"' EXIT
	say "building the benchmark"
	"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -pl auth-service -am test-compile dependency:build-classpath \
		-Dspring-javaformat.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath ||
		die "the build failed"
	mkdir -p "$FLUX_DIR/logs"
	local module="$ROOT/auth-service/target"
	say "running the auth benchmark (about six minutes; the service logs to .flux/logs/auth-bench.log)"
	# shellcheck disable=SC2086
	"$JAVA_HOME/bin/java" ${FLUX_JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError} --enable-native-access=ALL-UNNAMED \
		-cp "$module/test-classes:$module/classes:$(cat "$module/bench.classpath")" dev.flux.auth.bench.AuthBenchmark \
		--logging.file.name="$FLUX_DIR/logs/auth-bench.log" "$@"
}

# The user-service in this JVM on the throw-away servers, loaded by closed-loop HTTP clients. Built in
# the reactor (nothing installed into the local Maven repository), run from its test classpath.
bench_users() {
	pick_jdk
	say "JDK: $JAVA_HOME"
	start_test_servers
	say "building the benchmark"
	local classpath="$ROOT/user-service/target/bench.classpath"
	"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -pl user-service -am package dependency:build-classpath -DskipTests \
		-Dspring-javaformat.skip=true -Dmdep.includeScope=test -Dmdep.outputFile="$classpath" || die "the build failed"
	say "running the users benchmark (about 2 minutes)"
	# shellcheck disable=SC2086
	"$JAVA_HOME/bin/java" ${FLUX_BENCH_JAVA_OPTS:--Xmx1g} \
		-cp "$ROOT/user-service/target/test-classes:$ROOT/user-service/target/classes:$(cat "$classpath")" \
		dev.flux.user.bench.UsersBenchmark
}

# The gateway runs as its own process (the jar ./flux up runs), so its memory is measured
# apart from the 10,000 client sockets, which live in the benchmark's JVM.
bench_ws() {
	pick_jdk
	say "JDK: $JAVA_HOME"
	# Each side holds one descriptor per socket (plus the JVM's own): raise the soft limit.
	ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
	(($(ulimit -n) >= 12000)) || die "the open-file limit is $(ulimit -n); 10,000 sockets need about 11,000 per process" \
		"raise it (ulimit -Hn, /etc/security/limits.conf or the container's nofile limit) and run again"
	mkdir -p "$FLUX_DIR"
	start_test_servers
	say "building notification-service and the benchmark"
	"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -pl notification-service -am package dependency:build-classpath \
		-DskipTests -Dspring-javaformat.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath \
		>"$FLUX_DIR/bench-build.log" 2>&1 || { tail -n 30 "$FLUX_DIR/bench-build.log" >&2; die "the build failed, see .flux/bench-build.log"; }
	say "running the gateway benchmark (a few minutes; service log in .flux/bench-notification-service.log)"
	local svc="$ROOT/notification-service/target"
	# shellcheck disable=SC2086
	"$JAVA_HOME/bin/java" ${FLUX_BENCH_JAVA_OPTS:--Xmx3g} -cp "$svc/test-classes:$svc/classes:$(cat "$svc/bench.classpath")" \
		dev.flux.notification.bench.GatewayBenchmark
}

cmd_test() {
	local started=$SECONDS
	pick_jdk
	say "JDK: $JAVA_HOME"
	lint_scripts
	check_docs_sources
	if docker_running; then
		say "Docker is running: integration tests use Testcontainers"
		unset FLUX_TEST_INFRA
	else
		start_test_servers
	fi
	say "running the test suite (./mvnw verify)"
	local rc=0
	"$ROOT/mvnw" -B -f "$ROOT/pom.xml" verify "$@" || rc=$?
	((rc == 0)) && lint_openapi
	say "tests finished in $((SECONDS - started)) s"
	return "$rc"
}

main() {
	local cmd=${1:-help}
	[[ $# -gt 0 ]] && shift
	case $cmd in
	up) cmd_up "$@" ;;
	down) cmd_down "$@" ;;
	status) cmd_status "$@" ;;
	logs) cmd_logs "$@" ;;
	reset) cmd_reset "$@" ;;
	test) cmd_test "$@" ;;
	docs) cmd_docs "$@" ;;
	bench) cmd_bench "$@" ;;
	help | -h | --help) usage ;;
	*)
		usage >&2
		die "unknown command '$cmd'"
		;;
	esac
}

main "$@"
