package app.chorus.inbox.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.ChorusException.FieldProblem;

/**
 * Tags as conversations keep them: trimmed, in Unicode's compatibility form, lower case, inner white space as one
 * space, at most {@value #MAX_LENGTH} characters each and {@value #MAX_COUNT} on a conversation, each once, in the
 * order first given.
 */
public final class ConversationTags {

	public static final int MAX_LENGTH = 50;
	public static final int MAX_COUNT = 20;
	private static final Pattern SPACES = Pattern.compile("\\s+");

	private ConversationTags() {
	}

	/** One tag in its kept form (possibly empty). */
	public static String normalise(String tag) {
		String folded = Normalizer.normalize(tag, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
		return SPACES.matcher(folded).replaceAll(" ");
	}

	/**
	 * The tags in their kept form.
	 * @param field the field they came in, for problems ({@code tags}, {@code actions[0].tags})
	 * @throws ChorusException 422 naming {@code field[i]} for a blank, too long or control-character tag, or
	 * {@code field} when there are none (and {@code required}) or too many
	 */
	public static List<String> of(@Nullable List<?> tags, String field, boolean required) {
		if (tags == null || tags.isEmpty()) {
			if (required) {
				throw ChorusException.invalid(field, "inbox.tag.required");
			}
			return List.of();
		}
		Set<String> kept = new LinkedHashSet<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < tags.size(); i++) {
			String at = field + "[" + i + "]";
			if (!(tags.get(i) instanceof String raw)) {
				problems.add(new FieldProblem(at, "inbox.tag.blank"));
				continue;
			}
			String tag = normalise(raw);
			if (tag.isEmpty()) {
				problems.add(new FieldProblem(at, "inbox.tag.blank"));
			}
			else if (tag.codePointCount(0, tag.length()) > MAX_LENGTH) {
				problems.add(new FieldProblem(at, "inbox.tag.too-long", MAX_LENGTH));
			}
			else if (tag.codePoints().anyMatch(Character::isISOControl)) {
				problems.add(new FieldProblem(at, "inbox.tag.invalid"));
			}
			else {
				kept.add(tag);
			}
		}
		if (!problems.isEmpty()) {
			throw ChorusException.invalid(problems);
		}
		if (kept.size() > MAX_COUNT) {
			throw ChorusException.invalid(field, "inbox.tag.too-many", MAX_COUNT);
		}
		return List.copyOf(kept);
	}
}
