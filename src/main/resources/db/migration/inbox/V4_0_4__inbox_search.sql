-- Full-text search over messages in every language: the words are made by Chorus (SearchTerms: Unicode-aware, the same
-- for English, Danish, Korean and Nepali, whatever the server's locale) and stored as lexemes, searched by prefix.
-- Messages stored before this column existed get their words when Chorus next starts (SearchBackfill).
alter table inbox.items add column search tsvector;
create index items_search on inbox.items using gin (search);
