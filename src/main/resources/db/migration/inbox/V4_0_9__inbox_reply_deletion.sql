-- One of our replies taken down from the network through moderation ("delete"): the action names the reply, and the
-- reply keeps when it was deleted (its text stays, so the conversation still reads as it happened).
alter table inbox.moderation_actions add column reply_id uuid references inbox.replies (id) on delete cascade;
alter table inbox.replies add column deleted_at timestamptz;
