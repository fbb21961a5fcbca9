package app.chorus.inbox.rules;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One test a rule makes of an item; a rule matches when all of its conditions do. Values are compared without regard
 * to case; the JSON form (how rules are stored and sent) names the kind in {@code "on"}.
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
	record Channels(Set<UUID> ids) implements Condition {

		public Channels {
			ids = Set.copyOf(ids);
		}

		@Override
		public boolean test(RuleSubject subject) {
			return ids.contains(subject.channelId());
		}
	}

	/** The item came from one of these networks. */
	record Networks(Set<String> keys) implements Condition {

		public Networks {
			keys = lower(keys);
		}

		@Override
		public boolean test(RuleSubject subject) {
			return keys.contains(subject.network().toLowerCase(Locale.ROOT));
		}
	}

	/** The item is a reply, mention, quote, DM or comment. */
	record Types(Set<String> types) implements Condition {

		public Types {
			types = lower(types);
		}

		@Override
		public boolean test(RuleSubject subject) {
			return types.contains(subject.type().toLowerCase(Locale.ROOT));
		}
	}

	/**
	 * The text contains any (or, with {@code all}, every) keyword: see {@link KeywordMatch} for what counts as
	 * containing.
	 */
	record Keywords(List<String> words, boolean all) implements Condition {

		public Keywords {
			words = words.stream().map(KeywordMatch::normalise).filter(w -> !w.isBlank()).distinct().toList();
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
	record Languages(Set<String> codes) implements Condition {

		public Languages {
			codes = lower(codes);
		}

		@Override
		public boolean test(RuleSubject subject) {
			return subject.language() != null && codes.contains(subject.language().toLowerCase(Locale.ROOT));
		}
	}

	/** The item's sentiment is one of these labels. */
	record Sentiments(Set<String> labels) implements Condition {

		public Sentiments {
			labels = lower(labels);
		}

		@Override
		public boolean test(RuleSubject subject) {
			return subject.sentiment() != null && labels.contains(subject.sentiment().toLowerCase(Locale.ROOT));
		}
	}

	/** The item's author is one of these handles (a leading {@code @} is ignored). */
	record Authors(Set<String> handles) implements Condition {

		public Authors {
			handles = handles.stream().map(Authors::handle).collect(Collectors.toUnmodifiableSet());
		}

		@Override
		public boolean test(RuleSubject subject) {
			return handles.contains(handle(subject.authorHandle()));
		}

		private static String handle(String handle) {
			String stripped = handle.strip();
			return (stripped.startsWith("@") ? stripped.substring(1) : stripped).toLowerCase(Locale.ROOT);
		}
	}

	private static Set<String> lower(Set<String> values) {
		return values.stream().map(v -> Normalizer.normalize(v.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}
}
