package app.chorus.inbox.internal;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.AuditActor;

/** Who is calling, as the audit trail names them: the signed-in member, through the API or the pages. */
public final class Callers {

	private Callers() {
	}

	public static AuditActor actor(CurrentUser currentUser) {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}
}
