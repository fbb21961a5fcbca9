package app.chorus.publishing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A published post was made evergreen (or its recycling settings were changed). */
public record EvergreenStarted(WorkspaceId workspaceId, AuditActor actor, PostId postId, int everyDays,
		@Nullable Integer maxTimes, @Nullable String endsAt, RequestOrigin origin) implements AuditableEvent {

	@Override
	public String action() {
		return "post.evergreen-started";
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public String target() {
		return "post " + postId;
	}

	@Override
	public Map<String, String> details() {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("everyDays", String.valueOf(everyDays));
		if (maxTimes != null) {
			details.put("maxTimes", String.valueOf(maxTimes));
		}
		if (endsAt != null) {
			details.put("endsAt", endsAt);
		}
		return details;
	}
}
