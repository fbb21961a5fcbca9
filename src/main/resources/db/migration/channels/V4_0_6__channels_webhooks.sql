-- The secret a network signs its webhook deliveries for a channel with (Mastodon's server webhooks). Chorus must read
-- it back to check signatures, so it is sealed with the master key like the credentials (Tink AES-256-GCM, bound to
-- the channel id); key_id names the key that sealed it, for rotation.
create table channels.webhook_secrets (
    channel_id   uuid primary key references channels.channels (id) on delete cascade,
    workspace_id uuid        not null,
    ciphertext   bytea       not null,
    key_id       bigint      not null,
    created_at   timestamptz not null
);
