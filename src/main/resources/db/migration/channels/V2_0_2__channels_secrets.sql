-- The credential vault: each channel's tokens and app passwords, sealed with the master key (Tink AES-256-GCM, bound
-- to the channel id), so this table alone reveals nothing. key_id names the key that sealed the row: after a key
-- rotation, the rows whose key_id is not the new primary key are the ones still to re-encrypt.
create table channels.secrets (
    channel_id   uuid primary key references channels.channels (id) on delete cascade,
    workspace_id uuid        not null,
    ciphertext   bytea       not null,
    key_id       bigint      not null,
    updated_at   timestamptz not null
);
