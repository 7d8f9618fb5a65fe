-- The notification-service's own tables. The messaging tables (outbox, inbox, dead letters) live in
-- schema flux_events, migrated by common-events.

-- Who the service writes to: a projection of auth-service's accounts (user.created/updated) and of
-- user-service's profiles (profile.updated). The two parts are versioned apart because they come from
-- two producers, each with its own aggregate versions, in any order: a profile may arrive first.
CREATE TABLE recipients (
    user_id         uuid PRIMARY KEY,
    username        text,
    email           text,
    account_version bigint NOT NULL DEFAULT 0,
    display_name    text,
    avatar_url      text,
    status          text,
    profile_version bigint NOT NULL DEFAULT 0
);

-- The in-app inbox. The id is derived from (event, user, type), so the gateway can push a
-- notification with the id the inbox stores without asking the database.
CREATE TABLE notifications (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL,
    type       text        NOT NULL,
    title      text        NOT NULL,
    body       text        NOT NULL,
    -- A JSON object, always read whole and never queried inside.
    data       text        NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    read_at    timestamptz
);

CREATE INDEX notifications_latest ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications (user_id, created_at DESC) WHERE read_at IS NULL;

-- One row per email an event asks for: the sent marker that keeps a redelivered event from mailing
-- twice, and the attempts an operator looks at. Bodies are not kept: a verification or reset email
-- carries a secret token, rendered from the event each time it is tried.
CREATE TABLE outgoing_emails (
    id         bigserial PRIMARY KEY,
    event_id   uuid        NOT NULL,
    kind       text        NOT NULL,
    user_id    uuid        NOT NULL,
    recipient  text        NOT NULL,
    status     text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT')),
    attempts   int         NOT NULL DEFAULT 0,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at    timestamptz,
    UNIQUE (event_id, kind)
);

CREATE INDEX outgoing_emails_pending ON outgoing_emails (created_at) WHERE status = 'PENDING';

-- Presence as the gateways see it. sequence is the aggregateVersion of the user's presence.updated
-- events; chosen is a status the user set over the socket (null: follow the connections).
CREATE TABLE presence (
    user_id  uuid PRIMARY KEY,
    sequence bigint NOT NULL DEFAULT 0,
    status   text   NOT NULL DEFAULT 'offline' CHECK (status IN ('online', 'offline')),
    chosen   text            CHECK (chosen IN ('online', 'offline'))
);

-- Live gateway sessions per instance and user, so that several instances agree on a user's first
-- connection and last disconnection, and the sessions of a crashed instance can be swept.
CREATE TABLE gateway_sessions (
    instance_id text   NOT NULL,
    user_id     uuid   NOT NULL,
    sessions    int    NOT NULL CHECK (sessions > 0),
    PRIMARY KEY (instance_id, user_id)
);

CREATE INDEX gateway_sessions_user ON gateway_sessions (user_id);

CREATE TABLE gateway_instances (
    instance_id text PRIMARY KEY,
    seen_at     timestamptz NOT NULL
);
