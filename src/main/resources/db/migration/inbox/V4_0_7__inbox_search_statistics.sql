-- The planner chooses between walking the newest messages until a page is full and reading the search index's matches,
-- by how common it thinks the searched words are. With the default statistics it keeps only a few hundred common words
-- and guesses every other word matches 0.5% of messages: at ten million messages it then walks the whole inbox for a
-- word that matches nothing. Keeping ten thousand (ANALYZE reads 300,000 rows, some seconds at that size) makes a rare
-- or absent word read the index instead.
alter table inbox.items alter column search set statistics 1000;
