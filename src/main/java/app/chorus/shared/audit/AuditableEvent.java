package app.chorus.shared.audit;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * An event that belongs in the audit trail. Modules publish their own past-tense event records and implement this so
 * the audit module can record any of them without knowing each type.
 */
public interface AuditableEvent {

	/** The workspace the action happened in; {@code null} for account-level actions (login, 2FA, password). */
	@Nullable
	WorkspaceId workspaceId();

	/** Who did it. */
	AuditActor actor();

	/** Where the request came from. */
	RequestOrigin origin();

	/** A stable, dotted action name such as {@code member.removed}. */
	String action();

	/** What was acted on, readable by a person (an e-mail address, a team name, a token name). */
	String target();

	/**
	 * The account the action concerns, when it is about a person (the one logging in, the member removed). Account-level
	 * actions are copied into the trail of every workspace that person belongs to.
	 */
	@Nullable
	UserId subject();

	/** Further facts worth keeping (old and new role, reason). Never a secret. */
	default Map<String, String> details() {
		return Map.of();
	}
}
