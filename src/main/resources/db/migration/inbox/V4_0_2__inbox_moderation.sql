-- Moderation taken from the inbox, internal notes on conversations, and who is available to be assigned them.

-- One moderation action on an inbox item through the channel's network: block, mute or report the item's author, or
-- hide or delete the item's post. Written as 'pending' before the network is called and settled as 'done' or
-- 'failed' after, so an action the network did not take is kept with its reason and can be tried again.
create table inbox.moderation_actions (
    id               uuid primary key,
    workspace_id     uuid        not null,
    conversation_id  uuid        not null references inbox.conversations (id) on delete cascade,
    item_id          uuid        not null references inbox.items (id) on delete cascade,
    channel_id       uuid        not null,
    action           text        not null,
    -- what the network acted on: the author's id (block, mute, report) or the post's (hide, delete)
    target           text        not null,
    note             text,
    taken_by         uuid        not null,
    taken_at         timestamptz not null,
    outcome          text        not null,
    error_key        text,
    error            text,
    constraint moderation_actions_action check (action in ('hide', 'delete', 'block', 'mute', 'report')),
    constraint moderation_actions_outcome check (outcome in ('pending', 'done', 'failed'))
);
create index moderation_actions_conversation on inbox.moderation_actions (workspace_id, conversation_id, taken_at);

-- A note the team keeps on a conversation; never sent to the network. Notes are not edited or deleted: a correction
-- is a new note, so the conversation's history reads as it happened.
create table inbox.notes (
    id               uuid primary key,
    workspace_id     uuid        not null,
    conversation_id  uuid        not null references inbox.conversations (id) on delete cascade,
    author_id        uuid        not null,
    text             text        not null,
    created_at       timestamptz not null
);
create index notes_conversation on inbox.notes (workspace_id, conversation_id, created_at, id);

-- The members a note mentions (each once), who were told about it.
create table inbox.note_mentions (
    note_id          uuid not null references inbox.notes (id) on delete cascade,
    user_id          uuid not null,
    primary key (note_id, user_id)
);

-- Whether a member takes conversations now, and how many open ones at most (null: no limit). A member without a row
-- is available without a limit. last_assigned_at breaks ties between equally loaded members (longest ago first).
create table inbox.agents (
    workspace_id      uuid        not null,
    user_id           uuid        not null,
    available         boolean     not null default true,
    capacity          integer,
    last_assigned_at  timestamptz,
    updated_at        timestamptz not null,
    primary key (workspace_id, user_id),
    constraint agents_capacity check (capacity is null or capacity >= 0)
);

-- Where round-robin assignment stands in a team: the member assigned last. The row is locked while the next member is
-- chosen, so two assigners never hand out the same turn.
create table inbox.assignment_cursors (
    workspace_id  uuid        not null,
    team_id       uuid        not null,
    last_user_id  uuid,
    updated_at    timestamptz not null,
    primary key (workspace_id, team_id)
);
