-- The gateway's projection of chat-service's servers, from server.*, channel.* and role.*
-- events: enough to compute who may view each channel (the permission calculator of
-- dev.flux.events.permission) and to show a user their servers in the snapshot.
-- Every row keeps the aggregateVersion that last wrote it and a tombstone instead of a delete:
-- the durable consumer and every gateway instance apply the same events, each write only
-- wins when it is newer, so the rows end right in any order and any number of times.

create table chat_servers (
    server_id bigint primary key,
    name      varchar(100) not null,
    owner_id  uuid         not null,
    deleted   boolean      not null default false,
    -- The server's event_seq (aggregateVersion of server.*) that last wrote the row.
    version   bigint       not null
);

create table chat_members (
    server_id bigint   not null,
    user_id   uuid     not null,
    -- The member's roles, @everyone left out.
    role_ids  bigint[] not null default '{}',
    present   boolean  not null,
    -- Also the server's event_seq: joins, leaves and role changes are server.* events.
    version   bigint   not null,
    primary key (server_id, user_id)
);

create index chat_members_of_user on chat_members (user_id) where present;

create table chat_roles (
    role_id     bigint primary key,
    server_id   bigint       not null,
    name        varchar(100) not null,
    permissions bigint       not null,
    position    int          not null,
    deleted     boolean      not null default false,
    version     bigint       not null
);

create index chat_roles_of_server on chat_roles (server_id);

create table chat_channels (
    channel_id bigint primary key,
    -- Null for channels outside servers (direct messages), whose viewers come from elsewhere.
    server_id  bigint,
    kind       varchar(16)   not null,
    name       varchar(100),
    topic      varchar(1024),
    position   int           not null default 0,
    parent_id  bigint,
    -- [{roleId, userId, allow, deny}] as channel.created/updated carry them.
    overwrites jsonb         not null default '[]',
    deleted    boolean       not null default false,
    version    bigint        not null
);

create index chat_channels_of_server on chat_channels (server_id);
