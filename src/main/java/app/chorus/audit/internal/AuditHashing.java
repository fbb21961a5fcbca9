package app.chorus.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import app.chorus.audit.AuditEntry;

/**
 * The hash that links an entry into its chain: SHA-256 over every field of the entry (details in key order) and the
 * hash of the entry before it. Each field is length-prefixed, so no two different entries hash the same text.
 */
final class AuditHashing {

	static final String GENESIS = "0".repeat(64);

	private AuditHashing() {
	}

	static String hash(AuditEntry e) {
		StringBuilder text = new StringBuilder();
		field(text, e.chain());
		field(text, Long.toString(e.seq()));
		field(text, e.id().toString());
		field(text, e.workspaceId() == null ? null : e.workspaceId().toString());
		field(text, e.occurredAt().toString());
		field(text, e.actorId() == null ? null : e.actorId().toString());
		field(text, e.actorLabel());
		field(text, e.action());
		field(text, e.target());
		for (Map.Entry<String, String> detail : new TreeMap<>(e.details()).entrySet()) {
			field(text, detail.getKey());
			field(text, detail.getValue());
		}
		field(text, e.address());
		field(text, e.userAgent());
		field(text, e.prevHash());
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static void field(StringBuilder text, @Nullable String value) {
		if (value == null) {
			text.append("-1:");
			return;
		}
		text.append(value.length()).append(':').append(value);
	}
}
