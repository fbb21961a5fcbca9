-- The publishing module owns the schema "publishing": posts, one variant per channel, every attempt to hand a variant
-- to its network, and the crisis pause.
create schema if not exists publishing;

create table publishing.posts (
    id               uuid primary key,
    workspace_id     uuid        not null,
    author_id        uuid        not null,
    text             text        not null,
    status           text        not null,
    scheduled_at     timestamptz,
    idempotency_key  text,
    request_hash     text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index posts_workspace on publishing.posts (workspace_id, created_at desc, id desc);
create index posts_schedule on publishing.posts (workspace_id, scheduled_at);
create unique index posts_idempotency on publishing.posts (workspace_id, author_id, idempotency_key)
    where idempotency_key is not null;

-- One network's version of a post. idempotency_key is made once, when the variant is, and sent with every attempt,
-- so a retry can never become a second post where the network honours it.
create table publishing.variants (
    id               uuid primary key,
    post_id          uuid        not null references publishing.posts (id) on delete cascade,
    workspace_id     uuid        not null,
    channel_id       uuid        not null,
    network          text        not null,
    surface          text        not null,
    position         int         not null,
    text             text        not null,
    options          jsonb       not null default '{}',
    status           text        not null,
    held_reason      text,
    scheduled_at     timestamptz,
    idempotency_key  text        not null unique,
    attempts         int         not null default 0,
    next_attempt_at  timestamptz,
    remote_id        text,
    remote_hash      text,
    url              text,
    error_key        text,
    error_detail     text,
    published_at     timestamptz,
    updated_at       timestamptz not null
);
create index variants_post on publishing.variants (post_id, position);
create index variants_channel on publishing.variants (workspace_id, channel_id, status);

-- Every hand-over to a network: written (and committed) before the call, finished after it. An attempt that was
-- started and never finished is how a crash mid-publish is recognised.
create table publishing.attempts (
    id           uuid primary key,
    variant_id   uuid        not null references publishing.variants (id) on delete cascade,
    workspace_id uuid        not null,
    number       int         not null,
    node         text        not null,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    outcome      text,
    detail       text
);
create index attempts_variant on publishing.attempts (variant_id, number);

-- A row here means the workspace's publishing is paused (the crisis switch).
create table publishing.pauses (
    workspace_id uuid primary key,
    reason       text        not null,
    paused_by    uuid        not null,
    paused_at    timestamptz not null
);
