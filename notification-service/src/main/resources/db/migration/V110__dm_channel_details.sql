-- What the gateway's snapshot shows of a DM channel beside its members: its kind, a group DM's name
-- and owner, from dm.created and dm.updated. Channels projected before stay without them (null): a
-- group DM gets them at its next change, a 1:1 DM never has another dm.* event.
ALTER TABLE dm_channels ADD COLUMN kind text, ADD COLUMN name text, ADD COLUMN owner_id uuid;

-- An erased account is no group DM's owner any more.
CREATE INDEX dm_channels_owner ON dm_channels (owner_id) WHERE owner_id IS NOT NULL;
