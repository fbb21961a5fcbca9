package app.chorus.inbox.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import app.chorus.channels.spi.NetworkKey;
import app.chorus.inbox.internal.InboxService.ItemCursor;
import app.chorus.inbox.internal.InboxService.ItemView;
import app.chorus.shared.web.ChorusException;

/**
 * The filters and cursors of the inbox lists, read from what a caller typed: checked the same way for the API and
 * the pages, each problem a 422 naming the parameter.
 */
public final class InboxListFilters {

	/** The longest search a list takes, in characters. */
	public static final int MAX_QUERY = 200;
	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	private InboxListFilters() {
	}

	/** The filters of both lists, checked: an assignee (a member's id) or nobody, and the search words. */
	public record Checked(@Nullable UUID assignee, boolean unassigned, @Nullable String search) {
	}

	/**
	 * Checks the filters both lists share.
	 * @param assigneeId a member's id, {@code me} (then {@code me} is taken) or {@code none}
	 * @throws ChorusException 422 naming the first parameter whose value is not valid
	 */
	public static Checked check(@Nullable String network, @Nullable String status, @Nullable String language,
			@Nullable String sentiment, @Nullable String assigneeId, @Nullable String sla, @Nullable String q,
			UUID me) {
		if (network != null && NetworkKey.fromKey(network).isEmpty()) {
			throw ChorusException.invalid("network", "error.parameter", "network");
		}
		if (status != null && !InboxService.STATUSES.contains(status)) {
			throw ChorusException.invalid("status", "error.parameter", "status");
		}
		if (language != null && !LANGUAGE.matcher(language).matches()) {
			throw ChorusException.invalid("language", "error.parameter", "language");
		}
		if (sentiment != null && !InboxService.SENTIMENTS.contains(sentiment)) {
			throw ChorusException.invalid("sentiment", "error.parameter", "sentiment");
		}
		if (sla != null && !InboxService.SLA_STATES.contains(sla)) {
			throw ChorusException.invalid("sla", "error.parameter", "sla");
		}
		if (q != null && q.length() > MAX_QUERY) {
			throw ChorusException.invalid("q", "inbox.search.too-long", MAX_QUERY);
		}
		if (assigneeId == null) {
			return new Checked(null, false, q);
		}
		return switch (assigneeId) {
			case "none" -> new Checked(null, true, q);
			case "me" -> new Checked(me, false, q);
			default -> new Checked(uuid("assigneeId", assigneeId), false, q);
		};
	}

	/** @throws ChorusException 422 naming {@code type} unless it is one of {@link InboxService#TYPES} */
	public static @Nullable String type(@Nullable String type) {
		if (type != null && !InboxService.TYPES.contains(type)) {
			throw ChorusException.invalid("type", "error.parameter", "type");
		}
		return type;
	}

	/** The tag in its kept form. @throws ChorusException 422 naming {@code tag} when nothing of it is kept */
	public static @Nullable String tag(@Nullable String tag) {
		if (tag == null) {
			return null;
		}
		String kept = ConversationTags.normalise(tag);
		if (kept.isEmpty()) {
			throw ChorusException.invalid("tag", "error.parameter", "tag");
		}
		return kept;
	}

	/** An id typed into {@code field}. @throws ChorusException 422 naming the field when it is not one */
	public static UUID uuid(String field, String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			throw ChorusException.invalid(field, "error.parameter", field);
		}
	}

	/** The cursor of the item page that follows {@code last}. */
	public static String itemCursor(ItemView last) {
		return encode(last.receivedAt() + "|" + last.id());
	}

	/** @throws ChorusException 422 naming {@code cursor} when it is not one of {@link #itemCursor(ItemView)} */
	public static @Nullable ItemCursor itemCursor(@Nullable String cursor) {
		if (cursor == null) {
			return null;
		}
		String[] parts = decode(cursor).split("\\|", 2);
		try {
			if (parts.length != 2) {
				throw new IllegalArgumentException("not an item cursor");
			}
			return new ItemCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			throw ChorusException.invalid("cursor", "error.cursor");
		}
	}

	/** The cursor of the conversation page that follows the conversation {@code last}. */
	public static String conversationCursor(UUID last) {
		return encode(last.toString());
	}

	/** @throws ChorusException 422 naming {@code cursor} when it is not one of {@link #conversationCursor(UUID)} */
	public static UUID conversationCursor(String cursor) {
		try {
			return UUID.fromString(decode(cursor));
		}
		catch (IllegalArgumentException e) {
			throw ChorusException.invalid("cursor", "error.cursor");
		}
	}

	private static String encode(String position) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String cursor) {
		try {
			return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			throw ChorusException.invalid("cursor", "error.cursor");
		}
	}
}
