-- The workspace module owns the schema "workspace": tenants, their members and teams, invitations.
-- user ids refer to identity.users; modules keep no foreign keys into each other's schemas.
create schema if not exists workspace;

create table workspace.workspaces (
    id                 uuid primary key,
    name               text        not null,
    time_zone          text        not null default 'UTC',
    require_two_factor boolean     not null default false,
    created_at         timestamptz not null
);

create table workspace.members (
    workspace_id uuid        not null references workspace.workspaces (id) on delete cascade,
    user_id      uuid        not null,
    role         text        not null,
    joined_at    timestamptz not null,
    primary key (workspace_id, user_id)
);
create index members_user on workspace.members (user_id);

create table workspace.teams (
    id           uuid primary key,
    workspace_id uuid        not null references workspace.workspaces (id) on delete cascade,
    name         text        not null,
    description  text        not null default '',
    created_at   timestamptz not null
);
create unique index teams_name on workspace.teams (workspace_id, lower(name));

create table workspace.team_members (
    team_id      uuid not null references workspace.teams (id) on delete cascade,
    workspace_id uuid not null,
    user_id      uuid not null,
    primary key (team_id, user_id),
    foreign key (workspace_id, user_id) references workspace.members (workspace_id, user_id) on delete cascade
);

create table workspace.invitations (
    id           uuid primary key,
    workspace_id uuid        not null references workspace.workspaces (id) on delete cascade,
    email        text        not null,
    role         text        not null,
    token_hash   bytea       not null unique,
    invited_by   uuid        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    accepted_at  timestamptz,
    accepted_by  uuid,
    revoked_at   timestamptz
);
create index invitations_workspace on workspace.invitations (workspace_id, created_at desc);
