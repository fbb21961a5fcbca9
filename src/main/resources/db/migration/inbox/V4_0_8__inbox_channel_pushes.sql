-- When the channel's network last pushed something to it (a webhook delivery): while deliveries come, polling only
-- catches up on what they missed, at a slower cadence.
alter table inbox.channel_states add column last_pushed_at timestamptz;
