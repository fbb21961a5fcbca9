package app.chorus.shared.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure a user can cause and understand. It carries a message key (resolved in the user's language) rather than
 * text, the HTTP status the API answers with, and the field it concerns when there is one.
 */
public class ChorusException extends RuntimeException {

	private final HttpStatus status;
	private final String messageKey;
	private final Object[] arguments;
	private final @Nullable String field;

	public ChorusException(HttpStatus status, String messageKey, @Nullable String field, Object... arguments) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.field = field;
		this.arguments = arguments;
	}

	public HttpStatus status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	public @Nullable String field() {
		return field;
	}

	/** Something that does not exist, or that the caller's workspace may not see: the two look the same. */
	public static ChorusException notFound(String what) {
		return new ChorusException(HttpStatus.NOT_FOUND, "error.not-found", null, what);
	}

	public static ChorusException forbidden(String messageKey) {
		return new ChorusException(HttpStatus.FORBIDDEN, messageKey, null);
	}

	/** Bad input in one field. */
	public static ChorusException invalid(String field, String messageKey, Object... arguments) {
		return new ChorusException(HttpStatus.UNPROCESSABLE_CONTENT, messageKey, field, arguments);
	}

	public static ChorusException conflict(String field, String messageKey, Object... arguments) {
		return new ChorusException(HttpStatus.CONFLICT, messageKey, field, arguments);
	}
}
