# shellcheck shell=bash disable=SC2034 # the settings are read by the other files
# Settings of ./flux, each from an environment variable with a default.

# operator-console last: it only forwards to the others' admin APIs.
SERVICES=(auth-service user-service notification-service chat-service operator-console)

# Ports of the servers ./flux starts itself: far from the system defaults (5432, 5672, 15672),
# so a PostgreSQL or RabbitMQ installed on the machine keeps working beside Flux.
# "up" is the instance the services run on; "test" is a throw-away instance for ./flux test.
UP_PG_PORT="${FLUX_LOCAL_PG_PORT:-55432}"
UP_AMQP_PORT="${FLUX_LOCAL_AMQP_PORT:-55672}"
UP_MGMT_PORT="${FLUX_LOCAL_MANAGEMENT_PORT:-55673}"
UP_SMTP_PORT="${FLUX_LOCAL_SMTP_PORT:-1025}"
UP_MAIL_PORT="${FLUX_LOCAL_MAIL_PORT:-8025}"
# ./flux up --cluster, or FLUX_CLUSTER=1: a three-node RabbitMQ cluster instead of one broker (lib/cluster.sh).
UP_CLUSTER="${FLUX_CLUSTER:-}"
TEST_PG_PORT="${FLUX_TEST_PG_PORT:-25442}"
TEST_AMQP_PORT="${FLUX_TEST_AMQP_PORT:-25682}"
