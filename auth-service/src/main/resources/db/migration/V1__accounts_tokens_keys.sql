-- Accounts: one row per user. Emails are stored normalized (trimmed, lower case); usernames
-- keep their case but are unique case-insensitively. password_hash is null for accounts that
-- only sign in through a social provider (oauth_providers).
CREATE TABLE users (
    id             uuid         PRIMARY KEY,
    username       varchar(32)  NOT NULL,
    email          varchar(254) NOT NULL,
    email_verified boolean      NOT NULL DEFAULT false,
    password_hash  varchar(255),
    roles          varchar(200) NOT NULL DEFAULT 'USER',
    version        bigint       NOT NULL,
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE UNIQUE INDEX users_email_key ON users (email);

-- Social identities (issue 7): an account keyed by (provider, subject).
CREATE TABLE oauth_providers (
    id          uuid         PRIMARY KEY,
    user_id     uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider    varchar(32)  NOT NULL,
    provider_id varchar(255) NOT NULL,
    email       varchar(254),
    created_at  timestamptz  NOT NULL,
    UNIQUE (provider, provider_id)
);
CREATE INDEX oauth_providers_user_idx ON oauth_providers (user_id);

-- A session is a refresh-token family: one sign-in on one device.
CREATE TABLE sessions (
    id            uuid         PRIMARY KEY,
    user_id       uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    user_agent    varchar(512),
    ip_address    varchar(64),
    created_at    timestamptz  NOT NULL,
    last_used_at  timestamptz  NOT NULL,
    expires_at    timestamptz  NOT NULL,
    revoked_at    timestamptz,
    revoke_reason varchar(32)
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- One row per refresh token ever issued in a family; only the SHA-256 of the token is kept.
-- rotated_at is set when the token is exchanged: presenting it again is reuse.
CREATE TABLE refresh_tokens (
    id         uuid        PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    token_hash bytea       NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    rotated_at timestamptz
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

-- One-time tokens mailed to the owner: email verification and password reset. Hash only.
CREATE TABLE email_verifications (
    id             uuid         PRIMARY KEY,
    user_id        uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email          varchar(254) NOT NULL,
    token_hash     bytea        NOT NULL UNIQUE,
    created_at     timestamptz  NOT NULL,
    expires_at     timestamptz  NOT NULL,
    used_at        timestamptz,
    invalidated_at timestamptz
);
CREATE INDEX email_verifications_user_idx ON email_verifications (user_id);

CREATE TABLE password_resets (
    id             uuid        PRIMARY KEY,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash     bytea       NOT NULL UNIQUE,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz,
    invalidated_at timestamptz
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);

-- Signing keys for access tokens. The private JWK is encrypted (AES-256-GCM) with the
-- configured key-encryption key. A retired key stays in the JWKS until the tokens it signed
-- have expired (published_until).
CREATE TABLE signing_keys (
    kid               varchar(64) PRIMARY KEY,
    algorithm         varchar(10) NOT NULL,
    public_jwk        text        NOT NULL,
    private_jwk       bytea       NOT NULL,
    created_at        timestamptz NOT NULL,
    retired_at        timestamptz,
    published_until   timestamptz
);

-- Failed sign-in attempts per subject (an account id, or a hash of an unknown login, so
-- unknown and known logins are throttled alike). Shared by every instance.
CREATE TABLE login_throttle (
    subject         varchar(80) PRIMARY KEY,
    failures        integer     NOT NULL,
    last_failure_at timestamptz NOT NULL,
    blocked_until   timestamptz
);
