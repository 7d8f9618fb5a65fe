-- Device cookies (OWASP "Slow Down Online Guessing Attacks with Device Cookies"): a browser
-- that signed in to an account gets a random cookie bound to that account; only its SHA-256
-- is kept. Sign-ins that carry a valid one are throttled per device, apart from unknown
-- clients, so failures an attacker causes cannot lock the owner out.
CREATE TABLE device_cookies (
    token_hash bytea       PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX device_cookies_user_idx ON device_cookies (user_id);
CREATE INDEX device_cookies_expires_idx ON device_cookies (expires_at);

-- Account takeback: after an email change, the notice to the previous address carries a
-- link that restores it. Only the token's SHA-256 is kept; previous_email is the address to
-- restore, deleted with the account.
CREATE TABLE email_takebacks (
    id             uuid         PRIMARY KEY,
    user_id        uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    previous_email varchar(254) NOT NULL,
    token_hash     bytea        NOT NULL UNIQUE,
    created_at     timestamptz  NOT NULL,
    expires_at     timestamptz  NOT NULL,
    used_at        timestamptz
);
CREATE INDEX email_takebacks_user_idx ON email_takebacks (user_id);
