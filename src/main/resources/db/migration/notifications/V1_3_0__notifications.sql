-- The notifications module owns the schema "notifications": what a person has been told inside Chorus. Texts are
-- stored as a message key and its arguments, so each reader sees them in their own language.
create schema if not exists notifications;

create table notifications.notices (
    id            uuid primary key,
    workspace_id  uuid        not null,
    recipient_id  uuid        not null,
    message_key   text        not null,
    arguments     text[]      not null default '{}',
    link          text,
    created_at    timestamptz not null,
    read_at       timestamptz,
    emailed       boolean     not null default false
);
create index notices_recipient on notifications.notices (workspace_id, recipient_id, created_at desc);
create index notices_unread on notifications.notices (workspace_id, recipient_id) where read_at is null;
