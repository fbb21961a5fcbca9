package app.chorus.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Narrows a list of entries. Every part is optional: {@code action} matches a prefix ({@code member.} finds all
 * member actions), {@code actor} and {@code target} match a part, case-insensitively; times are inclusive-exclusive.
 */
public record AuditFilter(@Nullable String action, @Nullable String actor, @Nullable String target,
		@Nullable Instant from, @Nullable Instant to) {

	public static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null);
	}
}
