package app.chorus.shared.audit;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.ids.UserId;

/** Who did something: a person (by id and the e-mail they had at the time), or Chorus itself. */
public record AuditActor(@Nullable UserId userId, String label) {

	public static AuditActor system() {
		return new AuditActor(null, "system");
	}

	public static AuditActor anonymous(String claimedIdentity) {
		return new AuditActor(null, claimedIdentity);
	}

	public static AuditActor user(UserId userId, String email) {
		return new AuditActor(userId, email);
	}
}
