package app.chorus.media;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** An image or video was removed from the media library, with its renditions and files. */
public record MediaDeleted(WorkspaceId workspaceId, AuditActor actor, MediaId mediaId, String mimeType,
		String originalName, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "media.deleted";
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
		return Map.of("mediaId", mediaId.toString(), "mimeType", mimeType);
	}
}
