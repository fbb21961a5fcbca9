package app.chorus.nlp;

/**
 * The sentiment of a text: a score from -1 (as negative as it gets) to 1 (as positive), and its label. The label
 * follows from the score: {@link SentimentLabel#NEUTRAL} within the neutral band, {@code |score| <} {@link #NEUTRAL_BAND},
 * otherwise the score's sign.
 *
 * @param label the score's label
 * @param score in [-1, 1]
 */
public record Sentiment(SentimentLabel label, double score) {

	/** Scores closer to zero than this are neutral. */
	public static final double NEUTRAL_BAND = 0.1;

	/** A text with nothing in it that carries sentiment. */
	public static final Sentiment NEUTRAL = new Sentiment(SentimentLabel.NEUTRAL, 0);

	public Sentiment {
		if (!(score >= -1 && score <= 1)) {
			throw new IllegalArgumentException("A sentiment score lies in [-1, 1], not " + score);
		}
	}

	/** The sentiment of a score, labelled by the neutral band. */
	public static Sentiment of(double score) {
		double bounded = Math.max(-1, Math.min(1, score));
		SentimentLabel label = Math.abs(bounded) < NEUTRAL_BAND ? SentimentLabel.NEUTRAL
				: bounded > 0 ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE;
		return new Sentiment(label, bounded);
	}
}
