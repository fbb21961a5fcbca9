-- Queues: each channel's weekly posting slots, read in the queue's own time zone; adding a post to the queue schedules
-- it in the next slot no other post of the channel holds. Evergreen posts: published again every so many days, each
-- time as a new post (a copy) queued into the next free slot, linked to the post it copies.
create schema if not exists publishing;

-- A channel's queue exists once someone has set its slots; the channel lives in the channels module, so no foreign key.
create table publishing.queues (
    channel_id    uuid primary key,
    workspace_id  uuid        not null,
    -- an IANA zone id: a slot keeps its wall-clock time there when the clocks change
    time_zone     text        not null,
    updated_at    timestamptz not null
);
create index queues_workspace on publishing.queues (workspace_id);

create table publishing.queue_slots (
    channel_id    uuid     not null references publishing.queues (channel_id) on delete cascade,
    workspace_id  uuid     not null,
    -- ISO day of the week: 1 is Monday, 7 is Sunday
    day           smallint not null,
    time          time     not null,
    primary key (channel_id, day, time),
    constraint queue_slots_day check (day between 1 and 7),
    constraint queue_slots_minute check (date_trunc('minute', time) = time)
);
create index queue_slots_workspace on publishing.queue_slots (workspace_id, channel_id);

-- A published post that comes round again. last_out_at is when it (or its last copy) was last due to go out;
-- next_due_at = last_out_at + every_days, and the copy then goes into the next free slot after it.
create table publishing.evergreen (
    post_id        uuid primary key references publishing.posts (id) on delete cascade,
    workspace_id   uuid        not null,
    every_days     int         not null,
    max_times      int,
    ends_at        timestamptz,
    times_recycled int         not null default 0,
    last_out_at    timestamptz not null,
    next_due_at    timestamptz not null,
    -- copies are made as this person (their permissions are checked each time)
    started_by     uuid        not null,
    started_at     timestamptz not null,
    -- why the last try to queue a copy failed (a message key and its arguments); cleared by the next success
    last_error     text,
    last_error_args jsonb      not null default '[]',
    constraint evergreen_every check (every_days >= 7),
    constraint evergreen_max check (max_times is null or max_times >= 1)
);
create index evergreen_due on publishing.evergreen (next_due_at);
create index evergreen_workspace on publishing.evergreen (workspace_id, next_due_at);

-- Every copy an evergreen post made, with the post it copies; kept when the post stops being evergreen.
create table publishing.recycled_posts (
    post_id      uuid primary key references publishing.posts (id) on delete cascade,
    original_id  uuid        not null references publishing.posts (id) on delete cascade,
    workspace_id uuid        not null,
    number       int         not null,
    recycled_at  timestamptz not null
);
create index recycled_posts_original on publishing.recycled_posts (workspace_id, original_id, number);
