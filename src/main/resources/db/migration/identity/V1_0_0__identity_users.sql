-- The identity module owns the schema "identity": people, their sessions, API tokens and second factors.
create schema if not exists identity;

create table identity.users (
    id                  uuid primary key,
    email               text        not null,
    display_name        text        not null,
    password_hash       text        not null,
    locale              text        not null default 'en',
    time_zone           text        not null default 'UTC',
    totp_secret         text,
    totp_enabled_at     timestamptz,
    totp_last_step      bigint,
    password_changed_at timestamptz not null,
    created_at          timestamptz not null,
    disabled_at         timestamptz,
    constraint users_email_lower check (email = lower(email))
);
create unique index users_email on identity.users (email);

create table identity.recovery_codes (
    user_id   uuid        not null references identity.users (id) on delete cascade,
    code_hash text        not null,
    created_at timestamptz not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);

create table identity.sessions (
    id           uuid primary key,
    user_id      uuid        not null references identity.users (id) on delete cascade,
    created_at   timestamptz not null,
    last_seen_at timestamptz not null,
    address      text        not null,
    user_agent   text        not null,
    ended_at     timestamptz,
    end_reason   text
);
create index sessions_user on identity.sessions (user_id) where ended_at is null;

create table identity.api_tokens (
    id             uuid primary key,
    user_id        uuid        not null references identity.users (id) on delete cascade,
    workspace_id   uuid        not null,
    name           text        not null,
    token_hash     bytea       not null unique,
    prefix         text        not null,
    scopes         text[]      not null,
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    last_used_at   timestamptz,
    revoked_at     timestamptz,
    revoked_reason text
);
create index api_tokens_user on identity.api_tokens (user_id, workspace_id);

create table identity.password_resets (
    token_hash bytea primary key,
    user_id    uuid        not null references identity.users (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

-- Failed logins, kept only as long as the throttle window needs them.
create table identity.login_failures (
    id        bigint generated always as identity primary key,
    account   text        not null,
    address   text        not null,
    failed_at timestamptz not null
);
create index login_failures_account on identity.login_failures (account, failed_at);
create index login_failures_address on identity.login_failures (address, failed_at);
