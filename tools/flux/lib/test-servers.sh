# shellcheck shell=bash
# Throw-away PostgreSQL and RabbitMQ under .flux/test/ for ./flux test and the benches.

stop_test_servers() {
	rabbit_stop test || true
	pg_stop test || true
}

# Lets the system tests restart the test PostgreSQL (pg_ctl restart, as the postgres user when root).
export_pg_control() { # instance
	export FLUX_TEST_PG_BIN="$PG_BIN"
	FLUX_TEST_PG_DATA="$(readlink -f "$FLUX_DIR/$1/postgres")/data"
	export FLUX_TEST_PG_DATA
	if is_root; then export FLUX_TEST_PG_OS_USER=postgres; else export FLUX_TEST_PG_OS_USER=''; fi
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
	export_pg_control test
	export FLUX_TEST_INFRA=external
	export FLUX_DB_HOST=127.0.0.1 FLUX_DB_PORT="$TEST_PG_PORT"
	export FLUX_RABBITMQ_HOST=127.0.0.1 FLUX_RABBITMQ_PORT="$TEST_AMQP_PORT"
}
