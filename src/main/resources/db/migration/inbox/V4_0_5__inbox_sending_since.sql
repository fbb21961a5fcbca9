-- when a reply was last handed to the network (written, or taken up again to be retried): one still sending long
-- after that was cut short by a node that stopped, and is settled as failed and unconfirmed
alter table inbox.replies add column sending_since timestamptz;
update inbox.replies set sending_since = created_at where status = 'sending';
create index replies_sending on inbox.replies (sending_since) where status = 'sending';
create index moderation_actions_pending on inbox.moderation_actions (taken_at) where outcome = 'pending';
