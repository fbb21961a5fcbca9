package app.chorus.inbox.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one place where an incoming message's language and sentiment are decided, before it is stored. Language
 * detection and sentiment analysis belong to the nlp module ({@code app.chorus.nlp.TextAnalysis}); until it is
 * plugged in here, nothing is guessed: every item is stored with no language and no sentiment, and the API says
 * {@code null} for both.
 */
@Component
class ItemClassification {

	/** What is known about a text; each part {@code null} when unknown. */
	record Classification(@Nullable String language, @Nullable String sentimentLabel,
			@Nullable Double sentimentScore) {

		static final Classification UNKNOWN = new Classification(null, null, null);
	}

	/** Never throws: a text that cannot be classified is stored unclassified. */
	Classification classify(String text) {
		return Classification.UNKNOWN;
	}
}
