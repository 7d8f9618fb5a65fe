-- Issue 20: read states for the gateway snapshot, kept from chat-service's events so the
-- gateway never asks chat-service: how far each user read each channel (read_state.updated,
-- and their own messages, which read the channel up to them as in Discord), each channel's
-- newest message (message.sent) and each user's unread mentions (message.sent: those it
-- mentions, and in a DM every message of the others, as Discord counts them).
-- Every write only moves forward (greatest), so events apply in any order, any number of times.

create table read_positions (
    user_id      uuid   not null,
    channel_id   bigint not null,
    last_read_id bigint not null,
    primary key (user_id, channel_id)
);

create table channel_heads (
    channel_id      bigint primary key,
    last_message_id bigint not null
);

-- Only mentions not read yet: an ack or the user's own message deletes those at or before it.
create table unread_mentions (
    user_id    uuid   not null,
    channel_id bigint not null,
    message_id bigint not null,
    primary key (user_id, channel_id, message_id)
);

create index unread_mentions_of_message on unread_mentions (channel_id, message_id);
