package app.chorus.publishing.links;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A person made a short link by hand (links publishing makes for a post are part of publishing that post). */
public record ShortLinkCreated(WorkspaceId workspaceId, AuditActor actor, ShortLinkId linkId, String code,
		String targetUrl, @Nullable String campaign, @Nullable String network, RequestOrigin origin)
		implements AuditableEvent {

	@Override
	public String action() {
		return "link.created";
	}

	@Override
	public String target() {
		return code + " → " + targetUrl;
	}

	@Override
	public @Nullable UserId subject() {
		return null;
	}

	@Override
	public Map<String, String> details() {
		Map<String, String> details = new LinkedHashMap<>();
		if (campaign != null) {
			details.put("campaign", campaign);
		}
		if (network != null) {
			details.put("network", network);
		}
		return details;
	}
}
