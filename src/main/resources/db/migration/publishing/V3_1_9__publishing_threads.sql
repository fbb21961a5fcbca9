-- A variant may go out as a thread: its text first, then each further part as a reply to the one before (a "first
-- comment" is a thread of one part). The parts' network ids are kept once they are out.
alter table publishing.variants add column thread jsonb not null default '[]';
alter table publishing.variants add column thread_refs jsonb not null default '[]';
