package app.chorus.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import opennlp.tools.langdetect.LanguageDetectorModel;

import app.chorus.nlp.SocialText.Token;

/**
 * Tells the language of a tokenised text. Hashtags and emoji are not read (links and handles never reach here).
 * <ol>
 * <li>A script only one language we can tell writes in decides alone: Hangul is Korean, kana Japanese, Thai Thai.</li>
 * <li>Devanagari is Nepali, Hindi or Marathi: the Apache OpenNLP model's probabilities for those three, plus each
 * language's frequent function words found in the text (छ, छैन, मा for Nepali; है, में, नहीं for Hindi; आहे, नाही for
 * Marathi).</li>
 * <li>Other scripts: a text of fewer than four words is too short for the model (it calls "love it" Latin), so it is
 * decided by the words we know (function words and the sentiment word lists); when they do not settle it, the model is
 * asked only if the text has at least ten letters. Otherwise the model decides among its 103 languages, and when it
 * says Danish, Norwegian or Swedish (close enough to confuse it in short texts), their function words settle which.
 * Below eight words, when it names another language but more than half the words are ones we know of English, Danish,
 * Norwegian or Swedish, those words decide (it reads "where is my order" as Afrikaans).</li>
 * </ol>
 * Fewer than two letters, or no answer, is {@code und}. The model (10 MB) is read on first use, which takes one to
 * three seconds; it is shared and immutable ({@link LanguageModel} evaluates it for all threads).
 */
final class LanguageIdentifier {

	static final String UNDETERMINED = "und";

	private static final Map<UnicodeScript, String> SCRIPT_LANGUAGES = Map.ofEntries(Map.entry(UnicodeScript.HANGUL, "ko"),
			Map.entry(UnicodeScript.HIRAGANA, "ja"), Map.entry(UnicodeScript.KATAKANA, "ja"),
			Map.entry(UnicodeScript.THAI, "th"), Map.entry(UnicodeScript.GREEK, "el"), Map.entry(UnicodeScript.HEBREW, "he"),
			Map.entry(UnicodeScript.GEORGIAN, "ka"), Map.entry(UnicodeScript.ARMENIAN, "hy"),
			Map.entry(UnicodeScript.TAMIL, "ta"), Map.entry(UnicodeScript.TELUGU, "te"),
			Map.entry(UnicodeScript.KANNADA, "kn"), Map.entry(UnicodeScript.MALAYALAM, "ml"),
			Map.entry(UnicodeScript.GUJARATI, "gu"), Map.entry(UnicodeScript.GURMUKHI, "pa"),
			Map.entry(UnicodeScript.SINHALA, "si"), Map.entry(UnicodeScript.KHMER, "km"), Map.entry(UnicodeScript.LAO, "lo"),
			Map.entry(UnicodeScript.MYANMAR, "my"), Map.entry(UnicodeScript.ETHIOPIC, "am"));

	private static final List<String> DEVANAGARI = List.of("ne", "hi", "mr");

	private static final List<String> SCANDINAVIAN = List.of("da", "nb", "nn", "sv");

	/** Languages voted for by known words when a text is too short for the model. */
	private static final List<String> SHORT_TEXT_LANGUAGES = List.of("en", "da", "nb", "sv");

	/** How much one function word weighs against the model's log-probability. */
	private static final double MARKER_WEIGHT = 1.0;

	private static final int SHORT_TEXT_WORDS = 4;

	/**
	 * Below this many words, the model's answer gives way to the words we know when more than half of them are one
	 * language's.
	 */
	private static final int CONFIRMED_WORDS = 8;

	private static final int MODEL_MINIMUM_LETTERS = 10;

	/** OpenNLP's codes that are not the ISO 639-2 code Java knows for the language (mostly macrolanguage members). */
	private static final Map<String, String> MODEL_CODES = Map.ofEntries(Map.entry("pes", "fa"), Map.entry("cmn", "zh"),
			Map.entry("lvs", "lv"), Map.entry("ekk", "et"), Map.entry("plt", "mg"), Map.entry("min", "ms"),
			Map.entry("pnb", "pa"), Map.entry("nob", "nb"), Map.entry("nno", "nn"));

	private final Map<String, Set<String>> markers;

	private final Map<String, Set<String>> shortTextVocabulary;

	private final Map<String, String> iso639_1;

	/** The model, and the ISO 639-1 code of each of its outcomes (null where there is none). */
	private record Loaded(LanguageModel model, @Nullable String[] codes) {
	}

	private volatile @Nullable Loaded loaded;

	LanguageIdentifier(Map<String, SentimentLexicon> lexicons) {
		this.markers = readMarkers();
		Map<String, Set<String>> vocabulary = new HashMap<>();
		for (String language : SHORT_TEXT_LANGUAGES) {
			Set<String> words = new HashSet<>(markers.getOrDefault(language, Set.of()));
			SentimentLexicon lexicon = lexicons.get(language);
			if (lexicon != null) {
				words.addAll(lexicon.vocabulary());
			}
			vocabulary.put(language, Set.copyOf(words));
		}
		this.shortTextVocabulary = vocabulary;
		Map<String, String> codes = new HashMap<>();
		for (String language : Locale.getISOLanguages()) {
			codes.put(Locale.of(language).getISO3Language(), language);
		}
		codes.putAll(MODEL_CODES);
		this.iso639_1 = Map.copyOf(codes);
	}

	String identify(List<Token> tokens) {
		Map<UnicodeScript, Integer> letters = new EnumMap<>(UnicodeScript.class);
		StringBuilder text = new StringBuilder();
		int words = 0;
		int total = 0;
		for (Token token : tokens) {
			if (!token.isWord() || token.hashtag()) {
				continue;
			}
			words++;
			text.append(token.text()).append(' ');
			String word = token.text();
			for (int i = 0; i < word.length();) {
				int cp = word.codePointAt(i);
				if (Character.isLetter(cp)) {
					letters.merge(UnicodeScript.of(cp), 1, Integer::sum);
					total++;
				}
				i += Character.charCount(cp);
			}
		}
		if (total < 2) {
			return UNDETERMINED;
		}
		UnicodeScript script = letters.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		String byScript = SCRIPT_LANGUAGES.get(script);
		if (byScript != null) {
			return byScript;
		}
		if (script == UnicodeScript.HAN) {
			return letters.containsKey(UnicodeScript.HIRAGANA) || letters.containsKey(UnicodeScript.KATAKANA) ? "ja" : "zh";
		}
		List<String> wordList = tokens.stream().filter(t -> t.isWord() && !t.hashtag()).map(Token::text).toList();
		if (script == UnicodeScript.DEVANAGARI) {
			return bestOf(DEVANAGARI, probabilities(text), wordList);
		}
		if (words < SHORT_TEXT_WORDS) {
			String known = byKnownWords(wordList, false);
			if (known != null || total < MODEL_MINIMUM_LETTERS) {
				return known == null ? UNDETERMINED : known;
			}
		}
		Probabilities probabilities = probabilities(text);
		String best = probabilities.best();
		if (SCANDINAVIAN.contains(best)) {
			return bestOf(SCANDINAVIAN, probabilities, wordList);
		}
		if (words < CONFIRMED_WORDS && !SHORT_TEXT_LANGUAGES.contains(best)) {
			// the model reads "where is my order" as Afrikaans: most of a short text's words settle it
			String known = byKnownWords(wordList, true);
			if (known != null) {
				return known;
			}
		}
		return best;
	}

	/** The model's probabilities, by outcome, and each outcome's ISO 639-1 code (null where it has none). */
	private record Probabilities(double[] byOutcome, @Nullable String[] codes) {

		/**
		 * The code of the most likely outcome that has one (the first of equals), or
		 * {@value LanguageIdentifier#UNDETERMINED} when none has.
		 */
		String best() {
			int best = -1;
			for (int i = 0; i < byOutcome.length; i++) {
				if (codes[i] != null && (best < 0 || byOutcome[i] > byOutcome[best])) {
					best = i;
				}
			}
			return best < 0 ? UNDETERMINED : Objects.requireNonNull(codes[best]);
		}

		/** The probability of the language (of all outcomes with its code). */
		double of(String code) {
			double sum = 0;
			for (int i = 0; i < byOutcome.length; i++) {
				if (code.equals(codes[i])) {
					sum += byOutcome[i];
				}
			}
			return sum;
		}
	}

	private Probabilities probabilities(CharSequence text) {
		Loaded model = model();
		return new Probabilities(model.model().probabilities(text), model.codes());
	}

	private String bestOf(List<String> candidates, Probabilities probabilities, List<String> words) {
		double sum = 0;
		for (String candidate : candidates) {
			sum += probabilities.of(candidate);
		}
		String best = candidates.getFirst();
		double bestScore = Double.NEGATIVE_INFINITY;
		for (String candidate : candidates) {
			double probability = sum > 0 ? probabilities.of(candidate) / sum : 1.0 / candidates.size();
			double score = Math.log(Math.max(probability, 1e-6)) + MARKER_WEIGHT * hits(markers.get(candidate), words);
			if (score > bestScore) {
				bestScore = score;
				best = candidate;
			}
		}
		return best;
	}

	/**
	 * The language the words belong to, when one clearly does: at least half of them ({@code majority}: more than
	 * half), and no other language as many.
	 */
	private @Nullable String byKnownWords(List<String> words, boolean majority) {
		String best = null;
		int bestHits = 0;
		boolean tie = false;
		for (String language : SHORT_TEXT_LANGUAGES) {
			int hits = hits(shortTextVocabulary.get(language), words);
			if (hits > bestHits) {
				best = language;
				bestHits = hits;
				tie = false;
			}
			else if (hits == bestHits && hits > 0) {
				tie = true;
			}
		}
		return tie || bestHits * 2 < words.size() || (majority && bestHits * 2 == words.size()) ? null : best;
	}

	private static int hits(@Nullable Set<String> vocabulary, List<String> words) {
		if (vocabulary == null) {
			return 0;
		}
		int hits = 0;
		for (String word : words) {
			if (vocabulary.contains(word)) {
				hits++;
			}
		}
		return hits;
	}

	private Loaded model() {
		Loaded model = loaded;
		if (model == null) {
			synchronized (this) {
				model = loaded;
				if (model == null) {
					LanguageModel read = LanguageModel.of(readModel());
					String[] codes = new String[read.outcomes()];
					for (int i = 0; i < codes.length; i++) {
						codes[i] = iso639_1.get(read.outcome(i));
					}
					loaded = model = new Loaded(read, codes);
				}
			}
		}
		return model;
	}

	static LanguageDetectorModel readModel() {
		try (InputStream in = LanguageIdentifier.class.getClassLoader().getResourceAsStream("langdetect-183.bin")) {
			if (in == null) {
				throw new IllegalStateException("The OpenNLP language model langdetect-183.bin is missing from the class path");
			}
			return new LanguageDetectorModel(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The OpenNLP language model could not be read", e);
		}
	}

	private static Map<String, Set<String>> readMarkers() {
		Map<String, Set<String>> markers = new HashMap<>();
		InputStream in = LanguageIdentifier.class.getClassLoader().getResourceAsStream("nlp/language/markers.tsv");
		if (in == null) {
			throw new IllegalStateException("nlp/language/markers.tsv is missing from the build");
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					String[] fields = line.split("\t");
					markers.put(fields[0], Set.copyOf(Arrays.asList(fields[1].split(" "))));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Map.copyOf(markers);
	}
}
