-- Issue 20: who may talk to whom (privacy settings, friends and blocks), direct messages,
-- read states, reactions and pins.

-- The privacy settings user-service announces (profile.privacy_updated); a user it has not
-- announced yet has the defaults, which allow both.
alter table chat_users add column allow_direct_messages boolean not null default true;
alter table chat_users add column allow_friend_requests boolean not null default true;
alter table chat_users add column privacy_version bigint not null default 0;

-- Each user's side of a relationship, as they see it: a friend, a request they sent
-- (outgoing) or received (incoming), or a user they blocked. The two sides are separate rows
-- so a block can change the blocker's side only: a request from a blocked user stays
-- 'outgoing' on the sender's side and never shows on the blocker's.
create table relationships (
    user_id  uuid        not null,
    other_id uuid        not null,
    kind     varchar(16) not null check (kind in ('friend', 'outgoing', 'incoming', 'blocked')),
    since    timestamptz not null,
    primary key (user_id, other_id),
    check (user_id <> other_id)
);

create index relationships_of_other on relationships (other_id);

-- One row per pair of users (the smaller id first): every change of the pair locks it, so
-- two crossing requests are applied one after the other, and counts the relationship.*
-- events' aggregateVersion.
create table relationship_pairs (
    low_id  uuid   not null,
    high_id uuid   not null,
    version bigint not null,
    primary key (low_id, high_id),
    check (low_id < high_id)
);

-- A group DM's owner (null for 1:1 DMs and server channels).
alter table channels add column owner_id uuid;

-- Who is in a DM channel.
create table dm_members (
    channel_id bigint      not null references channels (id) on delete cascade,
    user_id    uuid        not null,
    joined_at  timestamptz not null,
    primary key (channel_id, user_id)
);

create index dm_members_of_user on dm_members (user_id);

-- The one 1:1 DM of a pair of users (the smaller id first): opening it twice finds it.
create table dm_pairs (
    low_id     uuid   not null,
    high_id    uuid   not null,
    channel_id bigint not null references channels (id) on delete cascade,
    primary key (low_id, high_id),
    check (low_id < high_id)
);

-- How far each user has read each channel. It only moves forward (the update's where
-- clause), whatever the order concurrent acks arrive in; version counts the moves for
-- read_state.updated.
create table read_states (
    user_id      uuid        not null,
    channel_id   bigint      not null references channels (id) on delete cascade,
    last_read_id bigint      not null,
    version      bigint      not null,
    updated_at   timestamptz not null,
    primary key (user_id, channel_id)
);

-- One reaction per user, emoji and message.
create table reactions (
    channel_id bigint      not null,
    message_id bigint      not null,
    emoji      varchar(64) not null,
    user_id    uuid        not null,
    created_at timestamptz not null,
    primary key (channel_id, message_id, emoji, user_id),
    foreign key (channel_id, message_id) references messages (channel_id, id) on delete cascade
);

create table pins (
    channel_id bigint      not null,
    message_id bigint      not null,
    pinned_by  uuid        not null,
    pinned_at  timestamptz not null,
    primary key (channel_id, message_id),
    foreign key (channel_id, message_id) references messages (channel_id, id) on delete cascade
);
