package app.chorus.shared.web;

import java.util.List;

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
	private final List<FieldProblem> problems;

	public ChorusException(HttpStatus status, String messageKey, @Nullable String field, Object... arguments) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.field = field;
		this.arguments = arguments;
		this.problems = List.of();
	}

	private ChorusException(List<FieldProblem> problems) {
		super("error.invalid-fields");
		this.status = HttpStatus.UNPROCESSABLE_CONTENT;
		this.messageKey = problems.size() == 1 ? problems.getFirst().messageKey() : "error.invalid-fields";
		this.field = problems.getFirst().field();
		this.arguments = problems.size() == 1 ? problems.getFirst().arguments() : new Object[] { problems.size() };
		this.problems = List.copyOf(problems);
	}

	/**
	 * One problem with one field. Arguments may be {@link org.springframework.context.MessageSourceResolvable}s, which
	 * are resolved in the reader's language too (a number with its unit, a network's rule).
	 */
	public record FieldProblem(String field, String messageKey, Object... arguments) {
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

	/** Every field problem when there are several (each is shown beside its field); else empty. */
	public List<FieldProblem> problems() {
		return problems;
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

	/** Bad input in several fields at once, each named with its own message. */
	public static ChorusException invalid(List<FieldProblem> problems) {
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("no problems to report");
		}
		return new ChorusException(problems);
	}

	public static ChorusException conflict(String field, String messageKey, Object... arguments) {
		return new ChorusException(HttpStatus.CONFLICT, messageKey, field, arguments);
	}
}
