-- The chat-service's data: its projection of users, servers (guilds) with their channels,
-- roles, members, bans and invites, and the messages of channels. Servers, channels, roles
-- and messages have 64-bit time-ordered ids (dev.flux.chat.id.Snowflakes); users are the
-- UUIDs of auth-service.
-- Channels are not tied to servers by design (server_id null): the direct messages and group
-- DMs of issue 20 are channels of kind 'dm' / 'group_dm' with their members in a table of
-- their own, and share messages, history and nonces with server channels.

-- Who people are, from auth-service's user.* and user-service's profile.updated, so no request
-- ever calls another service. A deleted user keeps its row (the tombstone later events are
-- dropped against) with nothing personal: messages show them as a deleted user.
create table chat_users (
    user_id          uuid primary key,
    username         varchar(32),
    display_name     varchar(32),
    avatar_url       varchar(2048),
    deleted          boolean     not null default false,
    -- aggregateVersion of the last user.* and profile.updated applied; older ones are dropped.
    account_version  bigint      not null,
    profile_version  bigint      not null default 0,
    updated_at       timestamptz not null
);

-- Each running instance takes a worker number for its ids from here (modulo 1024).
create sequence snowflake_workers;

create table servers (
    id         bigint primary key,
    name       varchar(100) not null,
    owner_id   uuid         not null,
    -- Counts edits of the server itself: its ETag.
    version    bigint       not null,
    -- Counts every server.* event (edits, joins, leaves): their aggregateVersion.
    event_seq  bigint       not null,
    created_at timestamptz  not null
);

create index servers_owner on servers (owner_id);

create table members (
    server_id bigint      not null references servers (id) on delete cascade,
    user_id   uuid        not null,
    nickname  varchar(32),
    joined_at timestamptz not null,
    -- Join order, the member list's cursor (a later rejoin counts from the rejoin).
    position  bigserial   not null,
    primary key (server_id, user_id)
);

create unique index members_by_join_order on members (server_id, position);
create index members_of_user on members (user_id);

-- The @everyone role of a server has the server's id; other roles ids of their own.
create table roles (
    id          bigint primary key,
    server_id   bigint       not null references servers (id) on delete cascade,
    name        varchar(100) not null,
    permissions bigint       not null,
    -- Higher is more powerful; @everyone is 0.
    position    int          not null,
    version     bigint       not null,
    created_at  timestamptz  not null
);

create index roles_of_server on roles (server_id, position);

create table member_roles (
    server_id bigint not null,
    user_id   uuid   not null,
    role_id   bigint not null references roles (id) on delete cascade,
    primary key (server_id, user_id, role_id),
    foreign key (server_id, user_id) references members (server_id, user_id) on delete cascade
);

create table bans (
    server_id bigint      not null references servers (id) on delete cascade,
    user_id   uuid        not null,
    reason    varchar(512),
    banned_by uuid        not null,
    banned_at timestamptz not null,
    primary key (server_id, user_id)
);

create table channels (
    id              bigint primary key,
    server_id       bigint       references servers (id) on delete cascade,
    kind            varchar(16)  not null check (kind in ('text', 'category', 'dm', 'group_dm')),
    name            varchar(100),
    topic           varchar(1024),
    position        int          not null default 0,
    -- The category a server channel sits in.
    parent_id       bigint       references channels (id) on delete set null,
    version         bigint       not null,
    created_at      timestamptz  not null,
    check ((server_id is null) = (kind in ('dm', 'group_dm')))
);

create index channels_of_server on channels (server_id, position, id);

-- A per-channel permission overwrite for a role or for one member (exactly one of them).
create table overwrites (
    channel_id bigint not null references channels (id) on delete cascade,
    role_id    bigint references roles (id) on delete cascade,
    user_id    uuid,
    allow      bigint not null,
    deny       bigint not null,
    check ((role_id is null) <> (user_id is null))
);

create unique index overwrites_of_role on overwrites (channel_id, role_id) where role_id is not null;
create unique index overwrites_of_member on overwrites (channel_id, user_id) where user_id is not null;

create table invites (
    code       varchar(16) primary key,
    server_id  bigint      not null references servers (id) on delete cascade,
    channel_id bigint      not null references channels (id) on delete cascade,
    inviter_id uuid        not null,
    max_uses   int,
    uses       int         not null default 0,
    expires_at timestamptz,
    created_at timestamptz not null
);

create index invites_of_server on invites (server_id);

-- Messages of a channel, keyed by (channel, id): every history page (before, after, around)
-- is one range scan of the primary key.
create table messages (
    channel_id       bigint        not null references channels (id) on delete cascade,
    id               bigint        not null,
    author_id        uuid          not null,
    content          varchar(2000) not null,
    reply_to         bigint,
    mention_users    uuid[]        not null default '{}',
    mention_roles    bigint[]      not null default '{}',
    mention_everyone boolean       not null default false,
    nonce            varchar(64),
    version          bigint        not null,
    edited_at        timestamptz,
    primary key (channel_id, id)
);

create index messages_of_author on messages (author_id);

-- A client's nonce and the message it created, so a retried send returns that message
-- instead of sending it again (for flux.chat.messages.nonce-window after the first send).
create table message_nonces (
    author_id  uuid        not null,
    nonce      varchar(64) not null,
    channel_id bigint      not null,
    message_id bigint      not null,
    created_at timestamptz not null,
    primary key (author_id, nonce)
);
