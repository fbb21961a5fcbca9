-- Posting caps count a channel's recent publications: find them without reading its whole history.
create index variants_channel_published on publishing.variants (workspace_id, channel_id, published_at)
    where published_at is not null;
