-- Bulk imports of posts from CSV: a row per import, so a large one can be followed while it runs. The posts an import
-- makes are written in one transaction: a failed import leaves nothing behind.
create schema if not exists publishing;

create table publishing.imports (
    id            uuid primary key,
    workspace_id  uuid        not null,
    user_id       uuid        not null,
    status        text        not null,
    total         int         not null,
    done          int         not null default 0,
    error         text,
    created_at    timestamptz not null,
    finished_at   timestamptz,
    constraint imports_status check (status in ('running', 'done', 'failed'))
);
create index imports_workspace on publishing.imports (workspace_id, created_at desc);
