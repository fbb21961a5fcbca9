package app.chorus.identity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import app.chorus.shared.ids.UserId;

/** A person's account as other modules see it: never a password hash or a secret. */
public record UserAccount(UserId id, String email, String displayName, Locale locale, ZoneId timeZone,
		boolean twoFactorEnabled, Instant createdAt) {
}
