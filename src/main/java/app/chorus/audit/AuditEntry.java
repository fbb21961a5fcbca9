package app.chorus.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One recorded action: who, what, on what, when, from where, and its place in the chain. */
public record AuditEntry(UUID id, String chain, long seq, @Nullable UUID workspaceId, Instant occurredAt,
		@Nullable UUID actorId, String actorLabel, String action, String target, Map<String, String> details,
		String address, String userAgent, String prevHash, String hash) {
}
