package app.chorus.inbox.api;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.AuditActor;

/** Who is calling, as the audit trail names them. */
final class Callers {

	private Callers() {
	}

	static AuditActor actor(CurrentUser currentUser) {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}
}
