-- The messaging tables of Flux, in a schema of their own so that a service's own Flyway history
-- (schema public) and this library's (flux_events.flux_events_schema_history) never meet.

-- Transactional outbox: appended in the business transaction, published by the relay in id order,
-- kept after publishing for the retention period as the event log used for replay and audit.
CREATE TABLE outbox_events (
    id                bigserial PRIMARY KEY,
    event_id          uuid        NOT NULL UNIQUE,
    event_type        text        NOT NULL,
    event_version     int         NOT NULL,
    aggregate_id      text        NOT NULL,
    aggregate_version bigint      NOT NULL,
    correlation_id    uuid        NOT NULL,
    traceparent       text,
    sensitive         boolean     NOT NULL DEFAULT false,
    envelope          jsonb       NOT NULL,
    status            text        NOT NULL DEFAULT 'PENDING'
                                  CHECK (status IN ('PENDING', 'PUBLISHED', 'FAILED')),
    attempts          int         NOT NULL DEFAULT 0,
    last_error        text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    published_at      timestamptz
);

CREATE INDEX outbox_events_pending ON outbox_events (id) WHERE status = 'PENDING';
CREATE INDEX outbox_events_failed ON outbox_events (id) WHERE status = 'FAILED';
CREATE INDEX outbox_events_published_at ON outbox_events (published_at) WHERE status = 'PUBLISHED';
CREATE INDEX outbox_events_created_at ON outbox_events (created_at);

-- Idempotent consumers: one row per (consumer, event) handled, written in the handler's transaction.
CREATE TABLE inbox (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX inbox_processed_at ON inbox (processed_at);

-- Dead letters drained from the service's DLQ, so that operators can list, replay and discard them.
CREATE TABLE dead_letters (
    id             bigserial PRIMARY KEY,
    queue          text        NOT NULL,
    event_id       text,
    event_type     text,
    routing_key    text        NOT NULL,
    properties     jsonb       NOT NULL,
    body           bytea       NOT NULL,
    error_class    text        NOT NULL,
    error_message  text,
    attempts       int         NOT NULL,
    first_failed_at timestamptz,
    dead_at        timestamptz NOT NULL,
    status         text        NOT NULL DEFAULT 'DEAD' CHECK (status IN ('DEAD', 'REPLAYED', 'DISCARDED')),
    resolved_at    timestamptz
);

CREATE INDEX dead_letters_status ON dead_letters (status, id);
