-- Service-level targets: how soon the team answers (first response) and closes (resolution) a conversation, counted in
-- business hours where the policy has them. One policy for the workspace (team_id null) and at most one per team; a
-- conversation handled by a team uses that team's, else the workspace's, else 24 hours around the clock.
create table inbox.sla_policies (
    id                      uuid primary key,
    workspace_id            uuid        not null,
    team_id                 uuid,
    first_response_minutes  integer     not null,
    resolution_minutes      integer     not null,
    at_risk_percent         integer     not null default 75,
    -- null: every hour counts; otherwise the IANA zone the opening hours are in
    time_zone               text,
    -- [{"day": "MONDAY", "open": "09:00", "close": "17:00"}, ...]; empty when every hour counts
    opening_hours           jsonb       not null default '[]',
    closed_days             date[]      not null default '{}',
    updated_by              uuid        not null,
    updated_at              timestamptz not null,
    constraint sla_policies_minutes check (first_response_minutes > 0 and resolution_minutes > 0),
    constraint sla_policies_at_risk check (at_risk_percent between 1 and 99)
);
create unique index sla_policies_workspace on inbox.sla_policies (workspace_id) where team_id is null;
create unique index sla_policies_team on inbox.sla_policies (workspace_id, team_id) where team_id is not null;

-- The clocks of a conversation's current round: it starts with the first message (and again when a message reopens a
-- resolved conversation; null: since created_at); the first-response clock stops on our first reply of the round, the resolution clock when
-- it is resolved. Due and at-risk times are stamped from the policy by the SLA watch (sla_stamped false until then,
-- and again after a policy, team or round change), so lists can filter on them; alerts sent are remembered per round.
alter table inbox.conversations
    add column team_id                     uuid,
    add column sla_started_at              timestamptz,
    add column sla_responded_at            timestamptz,
    add column sla_stamped                 boolean not null default false,
    add column first_response_due_at       timestamptz,
    add column first_response_at_risk_at   timestamptz,
    add column resolution_due_at           timestamptz,
    add column resolution_at_risk_at       timestamptz,
    add column sla_alerted                 text    not null default 'none',
    -- when the watch next has an alert to send (the earliest running clock's at-risk time, then its due time)
    add column sla_next_alert_at           timestamptz,
    add constraint conversations_sla_alerted check (sla_alerted in ('none', 'at-risk', 'breached'));
update inbox.conversations set sla_responded_at = first_response_at;
create index conversations_sla_unstamped on inbox.conversations (workspace_id) where not sla_stamped;
create index conversations_sla_alerts on inbox.conversations (sla_next_alert_at) where sla_next_alert_at is not null;

-- A person's correction of the sentiment analysis is kept apart from what the analysis said.
alter table inbox.items
    add column sentiment_model_label   text,
    add column sentiment_corrected_at  timestamptz;
