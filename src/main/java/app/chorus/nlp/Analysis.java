package app.chorus.nlp;

/**
 * What {@link TextAnalysis#analyse(String)} found in a text.
 *
 * @param language ISO 639-1 code ({@code "en"}, {@code "da"}, {@code "ko"}, {@code "ne"}, ...), or {@code "und"} when
 *                 the text is too short or in no language the detector can tell
 * @param sentiment the sentiment, read in that language
 */
public record Analysis(String language, Sentiment sentiment) {
}
