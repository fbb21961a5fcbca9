-- Approval: a workspace policy and per-channel policies, each an ordered list of steps (a role, or a team); a post
-- going to a channel with steps waits in review until every step has approved it.
create schema if not exists publishing;

create table publishing.approval_policies (
    id           uuid primary key,
    workspace_id uuid        not null,
    channel_id   uuid,
    steps        jsonb       not null,
    updated_at   timestamptz not null
);
create unique index approval_policies_scope on publishing.approval_policies
    (workspace_id, coalesce(channel_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- Every decision, in order; a new round starts when the author sends the post back after changes were asked for.
create table publishing.reviews (
    id           uuid primary key,
    post_id      uuid        not null references publishing.posts (id) on delete cascade,
    workspace_id uuid        not null,
    round        int         not null,
    step         int         not null,
    decided_by   uuid        not null,
    decision     text        not null,
    comment      text        not null default '',
    decided_at   timestamptz not null,
    constraint reviews_decision check (decision in ('approved', 'changes_requested'))
);
create index reviews_post on publishing.reviews (post_id, decided_at);

alter table publishing.posts add column review_round int not null default 0;
alter table publishing.posts add column review_step int not null default 0;
alter table publishing.posts add column review_steps jsonb not null default '[]';
