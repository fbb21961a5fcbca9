-- Which format the messages' search words were stored in (SearchTerms.FORMAT), and how far storing them again in a
-- newer format has come (by message id; null when not started). Chorus stores them again in the background after it
-- starts (SearchIndex); until it has finished, searches ask the index the way every stored format answers.
-- Messages stored until now have their words only (format 1), or none (stored before search existed).
create table inbox.search_format (
    singleton boolean primary key default true check (singleton),
    format int not null,
    stored_through uuid
);
insert into inbox.search_format (format) values (1);
