# shellcheck shell=bash
# ./flux up --cluster: a three-node RabbitMQ cluster (tools/rabbitmq-cluster, which the system tests
# run too) instead of the single local broker. Nodes flux-c1..3@localhost, AMQP on
# FLUX_LOCAL_CLUSTER_PORT and the two ports after it, management on node 1 (FLUX_LOCAL_MANAGEMENT_PORT),
# data in .flux/up/rabbitmq-cluster/. The services get all three addresses (spring.rabbitmq.addresses).

UP_CLUSTER_PORT="${FLUX_LOCAL_CLUSTER_PORT:-55700}"

cluster_start() {
	say "starting a three-node RabbitMQ cluster on 127.0.0.1:$UP_CLUSTER_PORT-$((UP_CLUSTER_PORT + 2)) (a minute or two)"
	"$ROOT/tools/rabbitmq-cluster" start "$FLUX_DIR/up/rabbitmq-cluster" "$UP_CLUSTER_PORT" "$UP_MGMT_PORT" ||
		die "the RabbitMQ cluster did not start, see .flux/up/rabbitmq-cluster/node*/log/"
	ok "RabbitMQ cluster: flux-c1, flux-c2, flux-c3@localhost, quorum queues on all three"
}

# Appended to .flux/infra.env, which the services' environment is read from.
cluster_addresses() {
	echo "SPRING_RABBITMQ_ADDRESSES=127.0.0.1:$UP_CLUSTER_PORT,127.0.0.1:$((UP_CLUSTER_PORT + 1)),127.0.0.1:$((UP_CLUSTER_PORT + 2))"
}

cluster_stop() {
	[[ -f $FLUX_DIR/up/rabbitmq-cluster/base-port ]] || return 0
	"$ROOT/tools/rabbitmq-cluster" stop "$FLUX_DIR/up/rabbitmq-cluster" && ok "RabbitMQ cluster stopped"
}
