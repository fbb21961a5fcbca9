-- TOTP secrets are sealed with the master key (Tink AES-256-GCM, bound to the user id), like channel credentials.
-- The plain-text column totp_secret is kept only for rows written before this version: Chorus seals them at start-up
-- and empties the column. (Numbered after every migration already released, so Flyway runs it on existing databases.)
alter table identity.users
    add column totp_secret_sealed bytea,
    add column totp_key_id        bigint;
