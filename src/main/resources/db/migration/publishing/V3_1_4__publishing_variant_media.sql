-- The media a variant carries, in order: media library ids. The files are read when the variant is published.
alter table publishing.variants add column media jsonb not null default '[]';
