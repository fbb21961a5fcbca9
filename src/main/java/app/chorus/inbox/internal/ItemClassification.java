package app.chorus.inbox.internal;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import app.chorus.nlp.Analysis;
import app.chorus.nlp.TextAnalysis;

/**
 * The one place where an incoming message's language and sentiment are decided, before it is stored: by the nlp
 * module's {@link TextAnalysis} (language as ISO 639-1, {@code und} when it cannot tell; sentiment label and score).
 */
@Component
class ItemClassification {

	private static final Logger log = LoggerFactory.getLogger(ItemClassification.class);

	private final TextAnalysis analysis;

	ItemClassification(TextAnalysis analysis) {
		this.analysis = analysis;
	}

	/** What is known about a text; each part {@code null} when unknown. */
	record Classification(@Nullable String language, @Nullable String sentimentLabel,
			@Nullable Double sentimentScore) {

		static final Classification UNKNOWN = new Classification(null, null, null);
	}

	/** Never throws: a text that cannot be classified is stored unclassified, and the item is not lost. */
	Classification classify(String text) {
		try {
			Analysis result = analysis.analyse(text);
			return new Classification(result.language(), result.sentiment().label().key(),
					result.sentiment().score());
		}
		catch (RuntimeException e) {
			log.warn("Could not classify an inbox item ({}); stored without language and sentiment", e.toString());
			return Classification.UNKNOWN;
		}
	}
}
