-- Social login (issue 7). An account has at most one identity per provider, so that
-- DELETE /api/auth/me/identities/{provider} names exactly one.
ALTER TABLE oauth_providers ADD CONSTRAINT oauth_providers_user_provider_key UNIQUE (user_id, provider);

-- The one-time secrets of the browser flow, only their SHA-256 kept, each short lived and
-- used once:
--   LINK_TICKET: obtained with an access token, starts a provider flow bound to that account;
--   SIGN_IN:     handed to the front-end after a social sign-in, exchanged for a token pair
--                (session_id then records the session it opened, revoked if the code is replayed);
--   LINK:        handed to the front-end after a linking flow, redeemed by the same account.
CREATE TABLE oauth_codes (
    id          uuid         PRIMARY KEY,
    code_hash   bytea        NOT NULL UNIQUE,
    purpose     varchar(16)  NOT NULL,
    user_id     uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider    varchar(32)  NOT NULL,
    provider_id varchar(255),
    email       varchar(254),
    created_at  timestamptz  NOT NULL,
    expires_at  timestamptz  NOT NULL,
    used_at     timestamptz,
    session_id  uuid
);
CREATE INDEX oauth_codes_user_idx ON oauth_codes (user_id);
CREATE INDEX oauth_codes_expires_idx ON oauth_codes (expires_at);
