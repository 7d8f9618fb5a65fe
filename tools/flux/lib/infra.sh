# shellcheck shell=bash
# Which PostgreSQL and RabbitMQ ./flux up uses (configured, Docker or local), written to .flux/infra.env.

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
		if [[ -n ${UP_CLUSTER:-} ]]; then
			rabbit_stop up
			cluster_start
			write_infra local 127.0.0.1 "$UP_PG_PORT" 127.0.0.1 "$UP_CLUSTER_PORT" "http://localhost:$UP_MGMT_PORT"
			cluster_addresses >>"$FLUX_DIR/infra.env"
		else
			cluster_stop
			rabbit_start up "$UP_AMQP_PORT" "$UP_MGMT_PORT"
			write_infra local 127.0.0.1 "$UP_PG_PORT" 127.0.0.1 "$UP_AMQP_PORT" "http://localhost:$UP_MGMT_PORT"
		fi
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
		cluster_stop
		pg_stop up
		;;
	esac
}
