-- Deleted accounts, by id only: an event about one that arrives after user.deleted (a retry, a
-- replay, an out-of-order delivery) must neither bring back its username and email nor notify or
-- mail it.
CREATE TABLE deleted_recipients (
    user_id    uuid PRIMARY KEY,
    deleted_at timestamptz NOT NULL DEFAULT now()
);
