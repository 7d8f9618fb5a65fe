-- Who gave or took the ADMIN role, when and how: the audit trail of operator accounts.
-- changed_by is the operator's account id, NULL when the flux.auth.admins list granted it.
CREATE TABLE role_changes (
    id          bigserial PRIMARY KEY,
    user_id     uuid        NOT NULL,
    role        text        NOT NULL,
    change      text        NOT NULL CHECK (change IN ('granted', 'revoked')),
    changed_by  uuid,
    source      text        NOT NULL CHECK (source IN ('configuration', 'admin-api')),
    changed_at  timestamptz NOT NULL
);
CREATE INDEX role_changes_user ON role_changes (user_id, id);
