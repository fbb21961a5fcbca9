-- Campaigns group posts under a name, a colour on the calendar, an objective and dates; the name also tags short
-- links (utm_campaign).
create schema if not exists publishing;

create table publishing.campaigns (
    id           uuid primary key,
    workspace_id uuid        not null,
    name         text        not null,
    colour       text        not null,
    objective    text        not null default '',
    starts_on    date,
    ends_on      date,
    archived     boolean     not null default false,
    created_at   timestamptz not null,
    constraint campaigns_colour check (colour ~ '^#[0-9a-f]{6}$'),
    constraint campaigns_dates check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create unique index campaigns_name on publishing.campaigns (workspace_id, lower(name));

alter table publishing.posts add column campaign_id uuid references publishing.campaigns (id) on delete set null;
create index posts_campaign on publishing.posts (workspace_id, campaign_id);
