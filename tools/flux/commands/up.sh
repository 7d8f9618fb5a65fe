# shellcheck shell=bash
# flux-usage: up [--cluster]
# flux-summary: build what is stale, start PostgreSQL, RabbitMQ and the three services

help_up() {
	cat <<EOF
Where PostgreSQL and RabbitMQ come from, first match wins:
  1. servers you configured: FLUX_DB_HOST / FLUX_DB_PORT and FLUX_RABBITMQ_HOST / FLUX_RABBITMQ_PORT
     (with FLUX_DB_ADMIN_USER/_PASSWORD and FLUX_RABBITMQ_ADMIN_USER/_PASSWORD, flux provisions them)
  2. a running Docker engine: the postgres and rabbitmq services of docker-compose.yml
  3. local servers from the installed binaries, data under .flux/, ports ${UP_PG_PORT} and ${UP_AMQP_PORT}
     (installed with apt-get when missing and you are root on Debian/Ubuntu)

Ports: FLUX_AUTH_PORT, FLUX_USER_PORT, FLUX_NOTIFICATION_PORT, FLUX_CHAT_PORT, FLUX_CONSOLE_PORT (8081-8085); local servers
FLUX_LOCAL_PG_PORT, FLUX_LOCAL_AMQP_PORT, FLUX_LOCAL_MANAGEMENT_PORT, FLUX_LOCAL_SMTP_PORT, FLUX_LOCAL_MAIL_PORT.
JVM options of the services: FLUX_JAVA_OPTS; JSON logs: FLUX_LOG_FORMAT=ecs; readiness wait: FLUX_START_TIMEOUT.

--cluster (local servers only): a three-node RabbitMQ cluster instead of the single broker
(tools/rabbitmq-cluster; AMQP on FLUX_LOCAL_CLUSTER_PORT (55700) and the next two ports), the
services connected to all three nodes (FLUX_CLUSTER=1 does the same). ./flux down stops it; ./flux up without it goes back to one node.
EOF
}

cmd_up() {
	while (($#)); do
		case $1 in
		--cluster)
			# shellcheck disable=SC2034 # read by infra_up (lib/infra.sh)
			UP_CLUSTER=1
			;;
		*) usage_error "unknown argument '$1'" ;;
		esac
		shift
	done
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
  auth-service          http://localhost:$(service_port auth-service)       probes: /livez, /readyz
  user-service          http://localhost:$(service_port user-service)
  notification-service  http://localhost:$(service_port notification-service)
  chat-service          http://localhost:$(service_port chat-service)
  operator console      http://localhost:$(service_port operator-console)   (sign in with an admin account: FLUX_AUTH_ADMINS, docs/runbook.md)
  PostgreSQL            $FLUX_DB_HOST:$FLUX_DB_PORT   databases flux_auth, flux_user, flux_notification, flux_chat ($FLUX_INFRA)
  RabbitMQ              $FLUX_RABBITMQ_HOST:$FLUX_RABBITMQ_PORT   vhost flux; management $FLUX_RABBITMQ_MANAGEMENT_URL ($RABBIT_ADMIN / $RABBIT_ADMIN)
  emails                ${FLUX_MAIL_READ:-not caught}
  metrics, health       http://localhost:<management port>/actuator/prometheus and /actuator/health; management ports
                        $(service_management_port auth-service) (auth), $(service_management_port user-service) (user), $(service_management_port notification-service) (notification), $(service_management_port chat-service) (chat)
  realtime gateway      ws://localhost:$(service_port notification-service)/ws   (access token in the handshake or an identify message)
  logs                  ./flux logs [service]   (files in .flux/logs/)

Try: curl -s localhost:$(service_port auth-service)/readyz
     curl -s localhost:$(service_management_port auth-service)/actuator/prometheus
Stop with ./flux down.
EOF
}
