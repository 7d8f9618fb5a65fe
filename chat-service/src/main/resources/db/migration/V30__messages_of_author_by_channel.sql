-- Issue 20: a user's newest message of a channel reads the channel for them (as in Discord),
-- found by one backward index scan; the index still serves every lookup by author alone, so
-- it replaces messages_of_author rather than adding a second index to every insert.
create index messages_of_author_by_channel on messages (author_id, channel_id, id);

drop index messages_of_author;
