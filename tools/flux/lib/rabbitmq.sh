# shellcheck shell=bash
# RabbitMQ nodes of our own, from the installed binaries, data under .flux/<instance>/rabbitmq.

RABBIT_ADMIN=flux-admin

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
	# Erlang writes erl_crash.dump into the working directory (the checkout) unless told otherwise.
	export ERL_CRASH_DUMP="$dir/log/erl_crash.dump"
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
	cp "$ROOT/deploy/rabbitmq/advanced.config" "$RABBITMQ_ADVANCED_CONFIG_FILE"
	# The consistent-hash exchange spreads each service's events over its partitions by aggregate id.
	if [[ -n $mgmt ]]; then
		echo '[rabbitmq_management,rabbitmq_consistent_hash_exchange].' >"$RABBITMQ_ENABLED_PLUGINS_FILE"
	else
		echo '[rabbitmq_consistent_hash_exchange].' >"$RABBITMQ_ENABLED_PLUGINS_FILE"
	fi
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
