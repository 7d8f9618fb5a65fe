-- An event about other things (a server's member, a DM, a message's mention) can store an account
-- id while user.deleted erases that account in another partition's transaction. A NOT EXISTS on
-- deleted_recipients in the writing statement reads a snapshot from before the erasure committed,
-- so the write could land after the erasure and outlive it. Every such write asks flux_storable
-- instead, and the erasure takes the account's lock exclusively first (flux_erasing): the two then
-- run one after the other, whichever comes first.

-- Whether the account may be stored: false once it is deleted. Holds the account's erasure lock
-- shared until the transaction ends. VOLATILE, so its query takes a snapshot after the lock is
-- granted and sees an erasure that committed while this waited.
CREATE FUNCTION flux_storable(account uuid) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(1181512056, hashtext(account::text));
    RETURN NOT EXISTS (SELECT 1 FROM deleted_recipients WHERE user_id = account);
END
$$;

-- Takes the account's erasure lock exclusively until the transaction ends: writes that asked
-- flux_storable have committed, and later ones wait for the erasure and then see its tombstone.
CREATE FUNCTION flux_erasing(account uuid) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(1181512056, hashtext(account::text));
END
$$;

-- The account a notice is about when that is not its owner (a friend request's sender, a message's
-- author): erasing that account removes the notices naming it from everyone's inbox.
ALTER TABLE notifications ADD COLUMN about_user_id uuid;
UPDATE notifications SET about_user_id = coalesce(data::jsonb ->> 'userId', data::jsonb ->> 'authorId')::uuid
WHERE data LIKE '%"userId"%' OR data LIKE '%"authorId"%';
CREATE INDEX notifications_about ON notifications (about_user_id) WHERE about_user_id IS NOT NULL;
