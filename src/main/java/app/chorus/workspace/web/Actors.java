package app.chorus.workspace.web;

import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.AuditActor;

/** The audit actor for the signed-in person. */
final class Actors {

	private Actors() {
	}

	static AuditActor of(UserAccount account) {
		return AuditActor.user(account.id(), account.email());
	}
}
