-- The live consumer instances of each service's partitioned queue, for sharing the partitions:
-- RabbitMQ 3.10 makes the first subscriber of a single-active-consumer queue the active one and
-- tells no client which one it is, so the instances agree on an owner per partition here, in the
-- database every instance of the service shares. A row is written once the instance's partition
-- consumers are subscribed, refreshed by a heartbeat (database time, so clocks never disagree),
-- deleted on a graceful stop; a row whose heartbeat is older than the timeout is a dead instance.
-- generation goes up when an instance had to subscribe again by itself (its connection dropped):
-- it is then behind the others on every partition, and the change makes them all re-balance.
CREATE TABLE consumer_members (
    consumer     text        NOT NULL,
    instance_id  text        NOT NULL,
    generation   bigint      NOT NULL DEFAULT 0,
    joined_at    timestamptz NOT NULL DEFAULT now(),
    heartbeat_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, instance_id)
);
