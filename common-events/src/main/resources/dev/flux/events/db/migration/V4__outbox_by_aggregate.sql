-- Erasing a deleted account's events (Outbox.erase) finds them by aggregate, inside the
-- transaction that deletes the account: without this index that is a scan of the whole
-- retained log, which holds days of every producer's events.
CREATE INDEX outbox_events_aggregate ON outbox_events (aggregate_id);
