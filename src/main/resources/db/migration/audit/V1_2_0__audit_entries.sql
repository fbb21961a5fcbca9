-- The audit module owns the schema "audit": an append-only, hash-chained record of who did what.
-- One chain per workspace, and the chain "system" for actions outside any workspace (a failed login
-- for an unknown address). Each entry carries the hash of the one before it in its chain.
create schema if not exists audit;

create table audit.entries (
    chain        text        not null,
    seq          bigint      not null,
    id           uuid        not null unique,
    workspace_id uuid,
    occurred_at  timestamptz not null,
    actor_id     uuid,
    actor_label  text        not null,
    action       text        not null,
    target       text        not null,
    details      jsonb       not null default '{}',
    address      text        not null,
    user_agent   text        not null,
    prev_hash    text        not null,
    hash         text        not null,
    primary key (chain, seq)
);
create index entries_workspace_time on audit.entries (workspace_id, occurred_at desc);

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are append-only';
end;
$$;

create trigger entries_append_only before update or delete on audit.entries
    for each row execute function audit.refuse_change();

create trigger entries_no_truncate before truncate on audit.entries
    for each statement execute function audit.refuse_change();

-- The last entry of each chain, written in the same transaction as the entry. Appends lock this row, and
-- verification compares it with the chain, so entries cut off the end of a chain are noticed too.
create table audit.chain_heads (
    chain text   primary key,
    seq   bigint not null,
    hash  text   not null
);
