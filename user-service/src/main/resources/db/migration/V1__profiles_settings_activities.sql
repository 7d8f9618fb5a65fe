-- The user-service's projection of users (seed 002: user_profiles, user_settings,
-- user_activities), kept in sync by auth-service's user.* events and the gateway's
-- presence.updated, plus a tombstone per deleted user so late events about it are dropped.

create table user_profiles (
    user_id                  uuid primary key,
    -- Cached from auth-service. Not unique here: auth-service owns uniqueness, and two
    -- renames delivered out of order may briefly hold the same name.
    username                 varchar(32)  not null,
    -- aggregateVersion of the last user.* event applied; older ones are dropped.
    account_version          bigint       not null,
    -- null: the display name is the username.
    display_name             varchar(32),
    avatar_url               varchar(2048),
    bio                      varchar(190),
    custom_status_text       varchar(128),
    custom_status_emoji      varchar(32),
    custom_status_expires_at timestamptz,
    -- The status the user chose (PUT /api/users/me/status); null: follow presence.
    chosen_status            varchar(16)
        check (chosen_status in ('online', 'idle', 'dnd', 'invisible', 'offline')),
    -- From presence.updated: whether the user has a live connection, and its sequence.
    presence                 varchar(16)  not null default 'offline'
        check (presence in ('online', 'offline')),
    presence_sequence        bigint       not null default 0,
    -- Counts every change of the profile, its status and activities: the ETag, and the
    -- aggregateVersion of profile.updated.
    version                  bigint       not null,
    created_at               timestamptz  not null,
    updated_at               timestamptz  not null
);

-- Username search by prefix, case-insensitive: lower(username) like 'pre%'.
create index user_profiles_username_prefix on user_profiles (lower(username) text_pattern_ops, user_id);

create table user_settings (
    user_id               uuid primary key references user_profiles (user_id) on delete cascade,
    theme                 varchar(16) not null default 'dark' check (theme in ('dark', 'light', 'system')),
    language              varchar(16) not null default 'en',
    notifications_enabled boolean     not null default true,
    sound_enabled         boolean     not null default true,
    show_online_status    boolean     not null default true,
    allow_direct_messages boolean     not null default true,
    allow_friend_requests boolean     not null default true,
    version               bigint      not null,
    updated_at            timestamptz not null
);

create table user_activities (
    id         uuid primary key,
    user_id    uuid         not null references user_profiles (user_id) on delete cascade,
    activity   varchar(16)  not null check (activity in ('playing', 'listening', 'watching')),
    name       varchar(128) not null,
    details    varchar(128),
    state      varchar(128),
    start_time timestamptz  not null default now(),
    end_time   timestamptz,
    check (end_time is null or end_time > start_time)
);

create index user_activities_user on user_activities (user_id, start_time);

-- A deleted user: only the id and the version of user.deleted, no personal data, so that
-- a late or replayed event about the user is dropped instead of retried forever.
create table deleted_users (
    user_id         uuid primary key,
    account_version bigint      not null,
    deleted_at      timestamptz not null
);
