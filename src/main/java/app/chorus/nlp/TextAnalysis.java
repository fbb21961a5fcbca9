package app.chorus.nlp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import app.chorus.nlp.SocialText.Token;

/**
 * The language and sentiment of a text: a comment, a mention, a direct message, a post. Pure functions over the text,
 * safe to call from any number of threads, never throwing for any text (empty, control characters, unpaired
 * surrogates); {@code null} reads as the empty text. Links, {@code @handles} and emoji never decide the language, and
 * hashtags do not either; emoji count towards sentiment in every language.
 * <p>
 * The sentiment word lists are read when this is made; the language model (10 MB) on the first call that needs it.
 * After warming up, a short social-media text takes a few hundredths of a millisecond (see BENCHMARKS.md).
 */
@Service
public class TextAnalysis {

	/** The languages with a sentiment lexicon: a file nlp/sentiment/<code>.tsv each. */
	private static final List<String> LEXICON_LANGUAGES = List.of("da", "en", "ko", "ne");

	private final Map<String, SentimentLexicon> lexicons;

	private final SentimentScorer scorer;

	private final LanguageIdentifier identifier;

	public TextAnalysis() {
		Map<String, SentimentLexicon> loaded = new HashMap<>();
		for (String language : LEXICON_LANGUAGES) {
			loaded.put(language, SentimentLexicon.load(language));
		}
		this.lexicons = Map.copyOf(loaded);
		this.scorer = new SentimentScorer(SentimentLexicon.table("emoji.tsv"));
		this.identifier = new LanguageIdentifier(lexicons);
	}

	/** The language of the text, then its sentiment read in that language. */
	public Analysis analyse(@Nullable String text) {
		List<Token> tokens = tokens(text);
		String language = identifier.identify(tokens);
		return new Analysis(language, scorer.score(tokens, lexicons.get(language)));
	}

	/**
	 * The text's language as an ISO 639-1 code ({@code "en"}, {@code "da"}, {@code "ko"}, {@code "ne"}, ...), or
	 * {@code "und"} when it has fewer than two letters, or is too short to tell and uses no word we know.
	 */
	public String language(@Nullable String text) {
		return identifier.identify(tokens(text));
	}

	/**
	 * The text's sentiment read in the given language (an ISO 639-1 code). In a language without a lexicon (see
	 * {@link #sentimentLanguages()}), and for {@code "und"}, only emoji and emoticons count.
	 */
	public Sentiment sentiment(@Nullable String text, @Nullable String language) {
		return scorer.score(tokens(text), language == null ? null : lexicons.get(language));
	}

	/** The ISO 639-1 codes of the languages whose words are read for sentiment. */
	public Set<String> sentimentLanguages() {
		return lexicons.keySet();
	}

	private static List<Token> tokens(@Nullable String text) {
		return text == null || text.isEmpty() ? List.of() : SocialText.tokens(text);
	}
}
