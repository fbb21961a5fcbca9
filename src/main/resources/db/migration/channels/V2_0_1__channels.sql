-- The channels module owns the schema "channels": connected social accounts, their owners and who may do what
-- with each. Secrets live in channels.secrets (the vault), never here.
create schema if not exists channels;

create table channels.channels (
    id                uuid primary key,
    workspace_id      uuid        not null,
    network           text        not null,
    name              text        not null,
    account_id        text        not null,
    handle            text        not null,
    display_name      text,
    avatar_url        text,
    endpoint          text        not null,
    settings          jsonb       not null default '{}',
    status            text        not null,
    auth_failures     integer     not null default 0,
    token_expires_at  timestamptz,
    last_error        text,
    connected_by      uuid        not null,
    connected_at      timestamptz not null,
    refreshed_at      timestamptz,
    constraint channels_status check (status in ('connected', 'needs_reauthorization'))
);
create unique index channels_account on channels.channels (workspace_id, network, account_id);
create index channels_workspace on channels.channels (workspace_id, lower(name));

-- Owners answer for a channel: they are told when it needs attention, and a channel with fewer than two has no backup.
create table channels.owners (
    channel_id   uuid not null references channels.channels (id) on delete cascade,
    workspace_id uuid not null,
    user_id      uuid not null,
    primary key (channel_id, user_id)
);
create index owners_user on channels.owners (workspace_id, user_id);

-- Grants narrow who may work with a channel. A channel without grants follows the workspace roles; once it has
-- grants, only owners, admins and the granted members or teams may, each for the permissions granted.
create table channels.grants (
    channel_id   uuid   not null references channels.channels (id) on delete cascade,
    workspace_id uuid   not null,
    grantee_type text   not null,
    grantee_id   uuid   not null,
    permissions  text[] not null,
    primary key (channel_id, grantee_type, grantee_id),
    constraint grants_type check (grantee_type in ('member', 'team'))
);
