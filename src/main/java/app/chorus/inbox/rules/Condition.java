package app.chorus.inbox.rules;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One test a rule makes of an item; a rule matches when all of its conditions do. Values are compared without regard
 * to case or full-width forms, and kept in the order given (without repeats), so a rule reads back as it was written.
 * The JSON form (how rules are stored and sent) names the kind in {@code "on"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "on")
@JsonSubTypes({ @JsonSubTypes.Type(value = Condition.Channels.class, name = "channel"),
		@JsonSubTypes.Type(value = Condition.Networks.class, name = "network"),
		@JsonSubTypes.Type(value = Condition.Types.class, name = "type"),
		@JsonSubTypes.Type(value = Condition.Keywords.class, name = "keywords"),
		@JsonSubTypes.Type(value = Condition.Languages.class, name = "language"),
		@JsonSubTypes.Type(value = Condition.Sentiments.class, name = "sentiment"),
		@JsonSubTypes.Type(value = Condition.Authors.class, name = "author") })
public sealed interface Condition {

	boolean test(RuleSubject subject);

	/** The item came in on one of these channels. */
	record Channels(List<UUID> ids) implements Condition {

		public Channels {
			ids = ids.stream().distinct().toList();
		}

		@Override
		public boolean test(RuleSubject subject) {
			return ids.contains(subject.channelId());
		}
	}

	/** The item came from one of these networks. */
	record Networks(List<String> keys) implements Condition {

		public Networks {
			keys = folded(keys);
		}

		@Override
		public boolean test(RuleSubject subject) {
			return among(keys, subject.network());
		}
	}

	/** The item is a reply, mention, quote, DM or comment. */
	record Types(List<String> types) implements Condition {

		public Types {
			types = folded(types);
		}

		@Override
		public boolean test(RuleSubject subject) {
			return among(types, subject.type());
		}
	}

	/**
	 * The text contains any (or, with {@code all}, every) keyword: see {@link KeywordMatch} for what counts as
	 * containing.
	 */
	record Keywords(List<String> words, boolean all) implements Condition {

		public Keywords {
			words = words.stream().filter(KeywordMatch::usable).map(KeywordMatch::keyword).distinct().toList();
			if (words.isEmpty()) {
				throw new IllegalArgumentException("a keyword condition needs at least one keyword");
			}
		}

		@Override
		public boolean test(RuleSubject subject) {
			String text = KeywordMatch.normalise(subject.text());
			return all ? words.stream().allMatch(w -> KeywordMatch.contains(text, w))
					: words.stream().anyMatch(w -> KeywordMatch.contains(text, w));
		}
	}

	/** The item's detected language is one of these. */
	record Languages(List<String> codes) implements Condition {

		public Languages {
			codes = folded(codes);
		}

		@Override
		public boolean test(RuleSubject subject) {
			return among(codes, subject.language());
		}
	}

	/** The item's sentiment is one of these labels. */
	record Sentiments(List<String> labels) implements Condition {

		public Sentiments {
			labels = folded(labels);
		}

		@Override
		public boolean test(RuleSubject subject) {
			return among(labels, subject.sentiment());
		}
	}

	/** The item's author is one of these handles (a leading {@code @} is ignored on either side). */
	record Authors(List<String> handles) implements Condition {

		public Authors {
			handles = handles.stream().map(Authors::handle).filter(h -> !h.isEmpty()).distinct().toList();
		}

		@Override
		public boolean test(RuleSubject subject) {
			return handles.contains(handle(subject.authorHandle()));
		}

		static String handle(String handle) {
			String folded = fold(handle);
			return folded.startsWith("@") ? folded.substring(1).strip() : folded;
		}
	}

	/** Whether the item's value (none never matches) is one of the condition's, folded alike. */
	private static boolean among(List<String> values, @Nullable String value) {
		return value != null && values.contains(fold(value));
	}

	private static String fold(String value) {
		return Normalizer.normalize(value.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	private static List<String> folded(List<String> values) {
		return values.stream().map(Condition::fold).distinct().toList();
	}
}
