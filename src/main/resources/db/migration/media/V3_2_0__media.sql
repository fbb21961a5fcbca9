-- The media module owns the schema "media": the workspace's images and videos (the files themselves live in the media
-- storage under storage_key) and the renditions cut from each image.
create schema if not exists media;

create table media.assets (
    id             uuid             primary key,
    workspace_id   uuid             not null,
    mime_type      text             not null,
    size_bytes     bigint           not null,
    width          integer,
    height         integer,
    duration_ms    bigint,
    animated       boolean          not null default false,
    alt_text       text             not null default '',
    focal_x        double precision not null default 0.5,
    focal_y        double precision not null default 0.5,
    original_name  text             not null default '',
    storage_key    text             not null,
    -- counts rendition sets: each new focal point writes new files under a new revision, then switches to them
    revision       integer          not null default 1,
    uploaded_by    uuid             not null,
    created_at     timestamptz      not null,
    updated_at     timestamptz      not null,
    constraint assets_mime_type check (mime_type in ('image/jpeg', 'image/png', 'image/webp', 'image/gif',
                                                     'video/mp4', 'video/quicktime')),
    constraint assets_size check (size_bytes > 0),
    constraint assets_focal_point check (focal_x between 0 and 1 and focal_y between 0 and 1)
);
-- newest first (ids are UUIDv7, so they sort by creation), always within one workspace
create index assets_workspace on media.assets (workspace_id, id desc);

create table media.renditions (
    asset_id      uuid    not null references media.assets (id) on delete cascade,
    workspace_id  uuid    not null,
    name          text    not null,
    mime_type     text    not null,
    width         integer not null,
    height        integer not null,
    size_bytes    bigint  not null,
    storage_key   text    not null,
    primary key (asset_id, name),
    constraint renditions_name check (name in ('square', 'portrait', 'vertical', 'link', 'landscape', 'thumbnail')),
    constraint renditions_mime_type check (mime_type in ('image/jpeg', 'image/png'))
);
create index renditions_workspace on media.renditions (workspace_id, asset_id);
