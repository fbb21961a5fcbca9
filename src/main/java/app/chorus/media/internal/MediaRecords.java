package app.chorus.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.chorus.media.FocalPoint;
import app.chorus.media.MediaId;
import app.chorus.media.MediaView;
import app.chorus.media.MediaView.RenditionFile;
import app.chorus.media.Rendition;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** The media library's rows. Every query names the workspace. */
@Repository
class MediaRecords {

	private final JdbcClient jdbc;

	MediaRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An asset with the keys of its files, which never leave this module. */
	record Asset(MediaView view, String storageKey, Map<Rendition, String> renditionKeys) {

		List<String> allKeys() {
			List<String> keys = new ArrayList<>();
			keys.add(storageKey);
			keys.addAll(renditionKeys.values());
			return keys;
		}
	}

	/** A rendition to store: what people see, and where its file is. */
	record StoredRendition(RenditionFile file, String storageKey) {
	}

	private static final String COLUMNS = """
			id, workspace_id, mime_type, size_bytes, width, height, duration_ms, animated, alt_text, focal_x, focal_y,
			original_name, storage_key, revision, uploaded_by, created_at, updated_at""";

	void insert(MediaView media, String storageKey, List<StoredRendition> renditions) {
		Duration duration = media.duration();
		jdbc.sql("insert into media.assets (" + COLUMNS + """
				) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(media.id().value(), media.workspaceId().value(), media.mimeType(), media.sizeBytes(),
					media.width(), media.height(), duration == null ? null : duration.toMillis(), media.animated(),
					media.altText(), media.focalPoint().x(), media.focalPoint().y(), media.originalName(),
					storageKey, media.revision(), media.uploadedBy().value(), Timestamp.from(media.createdAt()),
					Timestamp.from(media.updatedAt()))
			.update();
		insertRenditions(media.workspaceId(), media.id(), renditions);
	}

	Optional<Asset> find(WorkspaceId workspace, MediaId id) {
		return jdbc.sql("select " + COLUMNS + " from media.assets where workspace_id = ? and id = ?")
			.params(workspace.value(), id.value())
			.query(this::row)
			.optional()
			.map(row -> withRenditions(workspace, List.of(row)).getFirst());
	}

	/** Newest first; {@code before} is the last id of the previous page. */
	List<Asset> page(WorkspaceId workspace, @Nullable MediaId before, int limit) {
		List<Row> rows = before == null
				? jdbc.sql("select " + COLUMNS + " from media.assets where workspace_id = ? order by id desc limit ?")
					.params(workspace.value(), limit).query(this::row).list()
				: jdbc.sql("select " + COLUMNS
						+ " from media.assets where workspace_id = ? and id < ? order by id desc limit ?")
					.params(workspace.value(), before.value(), limit).query(this::row).list();
		return withRenditions(workspace, rows);
	}

	void updateAltText(WorkspaceId workspace, MediaId id, String altText, Instant at) {
		jdbc.sql("update media.assets set alt_text = ?, updated_at = ? where workspace_id = ? and id = ?")
			.params(altText, Timestamp.from(at), workspace.value(), id.value()).update();
	}

	/**
	 * Moves the focal point and switches to the renditions cut for it, if nobody else did so since {@code revision}
	 * was read.
	 * @return whether this change won
	 */
	boolean refocus(WorkspaceId workspace, MediaId id, int revision, FocalPoint focus,
			List<StoredRendition> renditions, Instant at) {
		int updated = jdbc.sql("""
				update media.assets set focal_x = ?, focal_y = ?, revision = ?, updated_at = ?
				where workspace_id = ? and id = ? and revision = ?""")
			.params(focus.x(), focus.y(), revision + 1, Timestamp.from(at), workspace.value(), id.value(), revision)
			.update();
		if (updated != 1) {
			return false;
		}
		jdbc.sql("delete from media.renditions where workspace_id = ? and asset_id = ?")
			.params(workspace.value(), id.value()).update();
		insertRenditions(workspace, id, renditions);
		return true;
	}

	boolean delete(WorkspaceId workspace, MediaId id) {
		return jdbc.sql("delete from media.assets where workspace_id = ? and id = ?")
			.params(workspace.value(), id.value()).update() == 1;
	}

	private void insertRenditions(WorkspaceId workspace, MediaId id, List<StoredRendition> renditions) {
		for (StoredRendition stored : renditions) {
			RenditionFile file = stored.file();
			jdbc.sql("""
					insert into media.renditions (asset_id, workspace_id, name, mime_type, width, height, size_bytes,
					    storage_key)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id.value(), workspace.value(), file.rendition().key(), file.mimeType(), file.width(),
						file.height(), file.sizeBytes(), stored.storageKey())
				.update();
		}
	}

	private record Row(MediaId id, WorkspaceId workspaceId, String mimeType, long sizeBytes, @Nullable Integer width,
			@Nullable Integer height, @Nullable Duration duration, boolean animated, String altText,
			FocalPoint focalPoint, String originalName, String storageKey, int revision, UserId uploadedBy,
			Instant createdAt, Instant updatedAt) {
	}

	private List<Asset> withRenditions(WorkspaceId workspace, List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<StoredRendition>> renditions = new LinkedHashMap<>();
		jdbc.sql("""
				select asset_id, name, mime_type, width, height, size_bytes, storage_key from media.renditions
				where workspace_id = ? and asset_id = any(?)""")
			.params(workspace.value(), rows.stream().map(r -> r.id().value()).toArray(UUID[]::new))
			.query((rs, n) -> {
				Rendition rendition = Rendition.fromKey(rs.getString("name")).orElseThrow();
				renditions.computeIfAbsent(rs.getObject("asset_id", UUID.class), k -> new ArrayList<>())
					.add(new StoredRendition(new RenditionFile(rendition, rs.getString("mime_type"),
							rs.getInt("width"), rs.getInt("height"), rs.getLong("size_bytes")),
							rs.getString("storage_key")));
				return rendition;
			})
			.list();
		List<Asset> assets = new ArrayList<>();
		for (Row row : rows) {
			List<StoredRendition> stored = new ArrayList<>(renditions.getOrDefault(row.id().value(), List.of()));
			stored.sort((a, b) -> a.file().rendition().compareTo(b.file().rendition()));
			Map<Rendition, String> keys = new LinkedHashMap<>();
			stored.forEach(s -> keys.put(s.file().rendition(), s.storageKey()));
			MediaView view = new MediaView(row.id(), row.workspaceId(), row.mimeType(), row.sizeBytes(), row.width(),
					row.height(), row.duration(), row.animated(), row.altText(), row.focalPoint(), row.originalName(),
					stored.stream().map(StoredRendition::file).toList(), row.uploadedBy(), row.createdAt(),
					row.updatedAt(), row.revision());
			assets.add(new Asset(view, row.storageKey(), keys));
		}
		return assets;
	}

	private Row row(ResultSet rs, int rowNumber) throws SQLException {
		long durationMs = rs.getLong("duration_ms");
		Duration duration = rs.wasNull() ? null : Duration.ofMillis(durationMs);
		return new Row(new MediaId(rs.getObject("id", UUID.class)),
				new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("mime_type"),
				rs.getLong("size_bytes"), rs.getObject("width", Integer.class), rs.getObject("height", Integer.class),
				duration, rs.getBoolean("animated"), rs.getString("alt_text"),
				new FocalPoint(rs.getDouble("focal_x"), rs.getDouble("focal_y")), rs.getString("original_name"),
				rs.getString("storage_key"), rs.getInt("revision"), new UserId(rs.getObject("uploaded_by", UUID.class)),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
