-- OAuth with an application per server (Mastodon): Chorus registers itself once per instance and keeps the client
-- secret sealed with the master key. These registrations belong to this Chorus, not to a workspace.
create table channels.oauth_apps (
    network        text        not null,
    instance_url   text        not null,
    redirect_uri   text        not null,
    client_id      text        not null,
    client_secret  bytea       not null,
    key_id         bigint      not null,
    scopes         text        not null,
    created_at     timestamptz not null,
    primary key (network, instance_url, redirect_uri)
);

-- A connection a person started and has not finished at the network yet. The state travels through the browser as a
-- random value; only its hash is kept. The PKCE verifier is sealed. Rows expire after a few minutes.
create table channels.oauth_states (
    state_hash     text primary key,
    workspace_id   uuid        not null,
    user_id        uuid        not null,
    network        text        not null,
    instance_url   text        not null,
    redirect_uri   text        not null,
    code_verifier  bytea       not null,
    key_id         bigint      not null,
    expires_at     timestamptz not null
);
create index oauth_states_expiry on channels.oauth_states (expires_at);
