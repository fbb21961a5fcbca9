-- Tags on conversations, saved replies, and automation rules with the record of what each rule did to each item.

-- Tags are kept normalised (trimmed, lower case) by the application; the GIN index serves the "tag" filter.
alter table inbox.conversations add column tags text[] not null default '{}';
create index conversations_tags on inbox.conversations using gin (tags);

-- Answers a team writes once and uses often; the text may hold variables ({first_name}, {name}, {handle}, {channel},
-- {agent}) filled in for the conversation at hand.
create table inbox.saved_replies (
    id          uuid primary key,
    workspace_id uuid       not null,
    name        text        not null,
    text        text        not null,
    shortcut    text,
    created_by  uuid        not null,
    created_at  timestamptz not null,
    updated_by  uuid        not null,
    updated_at  timestamptz not null
);
create unique index saved_replies_name on inbox.saved_replies (workspace_id, lower(name));
create unique index saved_replies_shortcut on inbox.saved_replies (workspace_id, shortcut) where shortcut is not null;

-- Automation rules, run in position order on every new item. Conditions and actions are JSON lists, each entry named
-- by its kind ("on" for conditions, "do" for actions). updated_by is the member who last saved the rule: an automatic
-- reply goes out in their name.
create table inbox.rules (
    id               uuid primary key,
    workspace_id     uuid        not null,
    name             text        not null,
    position         integer     not null,
    enabled          boolean     not null default true,
    conditions       jsonb       not null,
    actions          jsonb       not null,
    stop_processing  boolean     not null default false,
    hits             bigint      not null default 0,
    last_hit_at      timestamptz,
    created_by       uuid        not null,
    created_at       timestamptz not null,
    updated_by       uuid        not null,
    updated_at       timestamptz not null
);
create index rules_workspace on inbox.rules (workspace_id, position, id);

-- One rule applied to one item, at most once (a re-delivered event finds its row and applies nothing again), with
-- each action's outcome: applied, skipped (with why), failed (with why), or pending while its network call is made.
create table inbox.rule_hits (
    id            uuid primary key,
    workspace_id  uuid        not null,
    rule_id       uuid        not null references inbox.rules (id) on delete cascade,
    item_id       uuid        not null references inbox.items (id) on delete cascade,
    at            timestamptz not null,
    outcomes      jsonb       not null,
    constraint rule_hits_once unique (rule_id, item_id)
);
create index rule_hits_item on inbox.rule_hits (workspace_id, item_id);
