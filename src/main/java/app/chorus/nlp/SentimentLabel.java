package app.chorus.nlp;

import java.util.Locale;

/** How a text feels, as a person filtering an inbox would sort it. */
public enum SentimentLabel {

	NEGATIVE, NEUTRAL, POSITIVE;

	/** The label's stable lower-case key ({@code "negative"}, {@code "neutral"}, {@code "positive"}) for storage and APIs. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
