package app.chorus.media;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** An image or video was added to the workspace's media library. */
public record MediaUploaded(WorkspaceId workspaceId, AuditActor actor, MediaId mediaId, String mimeType,
		long sizeBytes, String originalName, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "media.uploaded";
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public String target() {
		return originalName.isBlank() ? mediaId.toString() : originalName;
	}

	@Override
	public Map<String, String> details() {
		return Map.of("mediaId", mediaId.toString(), "mimeType", mimeType, "sizeBytes", Long.toString(sizeBytes));
	}
}
