-- The inbox module owns the schema "inbox": what people said to the workspace's channels (items), grouped into
-- conversations, our replies to them, and where reading each channel's inbox stands.
create schema if not exists inbox;

-- Where reading one channel's inbox stands. The cursor is the adapter's own (opaque) and is written in the same
-- transaction as the items of the page it follows, so a crash re-reads at worst one page. A poll holds a lease
-- (owner and expiry) so that two nodes never read the same channel at once; a dead node's lease runs out.
create table inbox.channel_states (
    channel_id             uuid primary key,
    workspace_id           uuid        not null,
    network                text        not null,
    status                 text        not null default 'ok',
    cursor                 text,
    next_poll_at           timestamptz not null,
    lease_owner            text,
    lease_until            timestamptz,
    last_poll_started_at   timestamptz,
    last_poll_finished_at  timestamptz,
    last_success_at        timestamptz,
    last_error             text,
    consecutive_failures   integer     not null default 0,
    newest_item_at         timestamptz,
    items_received         bigint      not null default 0,
    constraint channel_states_status check (status in ('ok', 'failing', 'needs_reauthorization', 'unsupported'))
);
create index channel_states_due on inbox.channel_states (next_poll_at);
create index channel_states_workspace on inbox.channel_states (workspace_id);

-- A conversation: a thread under one of our posts, a mention thread, or a direct-message conversation, keyed per
-- channel by the network's reference of its root (the root post, the mention's thread root, the other person).
create table inbox.conversations (
    id                 uuid primary key,
    workspace_id       uuid        not null,
    channel_id         uuid        not null,
    network            text        not null,
    kind               text        not null,
    root_ref           text        not null,
    status             text        not null default 'new',
    assignee_id        uuid,
    priority           text        not null default 'normal',
    created_at         timestamptz not null,
    last_activity_at   timestamptz not null,
    first_response_at  timestamptz,
    resolved_at        timestamptz,
    constraint conversations_kind check (kind in ('thread', 'mention', 'dm')),
    constraint conversations_status check (status in ('new', 'open', 'pending', 'resolved')),
    constraint conversations_priority check (priority in ('low', 'normal', 'high', 'urgent'))
);
create unique index conversations_root on inbox.conversations (channel_id, kind, root_ref);
create index conversations_workspace on inbox.conversations (workspace_id, last_activity_at desc, id desc);

-- One message to a channel, stored exactly as the network sent it (text is never cleaned: pages escape it). Unique
-- per channel and network id, so overlapping polls, restarts and repeated webhooks insert it once.
create table inbox.items (
    id                      uuid primary key,
    workspace_id            uuid        not null,
    channel_id              uuid        not null,
    network                 text        not null,
    conversation_id         uuid        not null references inbox.conversations (id) on delete cascade,
    remote_id               text        not null,
    type                    text        not null,
    author_id               text        not null,
    author_handle           text        not null,
    author_display_name     text,
    text                    text        not null,
    url                     text        not null,
    created_at              timestamptz not null,
    received_at             timestamptz not null,
    post_ref                text,
    post_hash               text,
    post_root_ref           text,
    post_root_hash          text,
    subject_ref             text,
    subject_hash            text,
    -- filled by language detection and sentiment analysis (the nlp module) once it is plugged in; null until then
    language                text,
    sentiment_label         text,
    sentiment_score         double precision,
    sentiment_corrected_by  uuid,
    constraint items_type check (type in ('reply', 'mention', 'quote', 'dm', 'comment'))
);
create unique index items_remote on inbox.items (channel_id, remote_id);
create index items_workspace on inbox.items (workspace_id, received_at desc, id desc);
create index items_conversation on inbox.items (conversation_id, created_at, id);

-- Our answers, kept whatever became of them: a reply that could not be sent keeps its text (status failed, with the
-- reason) so that it can be sent again under the same idempotency key.
create table inbox.replies (
    id                 uuid primary key,
    workspace_id       uuid        not null,
    conversation_id    uuid        not null references inbox.conversations (id) on delete cascade,
    in_reply_to_item   uuid        not null references inbox.items (id) on delete cascade,
    channel_id         uuid        not null,
    text               text        not null,
    status             text        not null,
    remote_id          text,
    url                text,
    error_key          text,
    error_detail       text,
    author_id          uuid        not null,
    idempotency_key    text        not null,
    created_at         timestamptz not null,
    sent_at            timestamptz,
    constraint replies_status check (status in ('sending', 'sent', 'failed'))
);
create index replies_conversation on inbox.replies (workspace_id, conversation_id, created_at);
