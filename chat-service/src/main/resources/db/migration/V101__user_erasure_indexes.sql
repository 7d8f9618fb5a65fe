-- A deleted user is erased again for a while after user.deleted (ErasureRecheck): each step finds
-- the user's rows through an index instead of reading the table.
create index chat_users_recently_deleted on chat_users (updated_at) where deleted;
create index reactions_of_user on reactions (user_id);
create index overwrites_of_user on overwrites (user_id) where user_id is not null;
create index invites_of_inviter on invites (inviter_id);
create index dm_pairs_of_high on dm_pairs (high_id);
create index relationship_pairs_of_high on relationship_pairs (high_id);
