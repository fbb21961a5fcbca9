-- Short links served by Chorus (/l/{code}) and their clicks. The schema belongs to the publishing module; this
-- migration may be the first of it to run.
create schema if not exists publishing;

create table publishing.links (
    id            uuid primary key,
    workspace_id  uuid        not null,
    -- the public part of the short address; unguessable, never reused
    code          text        not null unique,
    -- where the person pointed, and the same address with the UTM parameters added (what a click is sent to)
    target_url    text        not null,
    tagged_url    text        not null,
    utm_source    text        not null,
    utm_medium    text        not null,
    utm_campaign  text,
    utm_term      text,
    utm_content   text,
    campaign      text,
    network       text,
    created_at    timestamptz not null,
    created_by    uuid,
    post_id       uuid,
    variant_id    uuid,
    constraint links_code check (code ~ '^[A-Za-z0-9]{6,16}$')
);
create index links_workspace on publishing.links (workspace_id, id desc);
-- One post links to one tagged address once: rewriting the post again finds the same short link. The address is
-- hashed because long addresses do not fit a btree entry.
create unique index links_post_target on publishing.links
    (workspace_id, post_id, coalesce(variant_id, '00000000-0000-0000-0000-000000000000'::uuid), md5(tagged_url))
    where post_id is not null;

-- Clicks counted per link, UTC day, referring host and whether the visitor looked like a bot (a link preview, a
-- crawler). Nothing about the person is kept: no address, no user agent, no full referrer.
create table publishing.clicks (
    link_id       uuid    not null references publishing.links (id) on delete cascade,
    workspace_id  uuid    not null,
    day           date    not null,
    referrer_host text    not null default '',
    bot           boolean not null,
    count         bigint  not null,
    primary key (link_id, day, referrer_host, bot)
);
create index clicks_workspace on publishing.clicks (workspace_id, link_id);
