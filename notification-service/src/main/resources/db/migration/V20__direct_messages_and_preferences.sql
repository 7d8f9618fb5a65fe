-- Issue 20: who is in each direct message channel (from chat-service's dm.* events), so the
-- gateway delivers DM messages to their members, and whether each user wants notifications
-- (from user-service's profile.privacy_updated).

create table dm_channels (
    channel_id bigint primary key,
    -- aggregateVersion of the last dm.* event applied; older ones are dropped. A deleted
    -- channel keeps its row (no members) so a late dm.updated cannot bring it back.
    version    bigint  not null,
    deleted    boolean not null default false
);

create table dm_members (
    channel_id bigint not null references dm_channels (channel_id) on delete cascade,
    user_id    uuid   not null,
    primary key (channel_id, user_id)
);

create index dm_members_of_user on dm_members (user_id);

create table notification_preferences (
    user_id               uuid primary key,
    notifications_enabled boolean not null,
    version               bigint  not null
);
