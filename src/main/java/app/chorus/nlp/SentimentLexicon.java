package app.chorus.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One language's sentiment words and the rules that bend them, read from {@code nlp/sentiment/<language>.tsv}. Each
 * line is {@code kind<TAB>term[<TAB>value]}:
 * <ul>
 * <li>{@code include} another file of {@code term<TAB>valence} lines (a third-party word list, kept as published);</li>
 * <li>{@code word}: a whole word (or words, separated by spaces) and its valence, -5 to 5;</li>
 * <li>{@code stem}: any word starting with the term (for languages that attach endings: 좋 in 좋아요); the longest wins;</li>
 * <li>{@code negator}: a word that turns the sentiment words after it, up to three words on, in the same clause;</li>
 * <li>{@code negator-after}: a word (prefix) that turns the sentiment word one or two words before it (좋지 <em>않아요</em>);</li>
 * <li>{@code negating-prefix}: a prefix that turns the word it is glued to (안좋아요, नमिठो);</li>
 * <li>{@code intensifier}: a word that multiplies the next sentiment word's valence by the value (below 1 softens);</li>
 * <li>{@code contrast}: "but": what comes after it counts more than what came before;</li>
 * <li>{@code suffix}: an ending to strip when a word is not found as it is (Danish dårlig<em>e</em>).</li>
 * </ul>
 * Later lines override earlier ones, so a language's own words win over an included list. Immutable once loaded.
 */
final class SentimentLexicon {

	/** A word entry of more than one word, and whether its last word matches as a stem. */
	record Phrase(List<String> words, double valence, boolean stemLast) {
	}

	private static final String FOLDER = "nlp/sentiment/";

	private final Map<String, Double> words = new HashMap<>();
	private final Map<String, Double> stems = new HashMap<>();
	private final Map<String, List<Phrase>> phrases = new HashMap<>();
	private final Set<String> negators = new HashSet<>();
	private final List<String> afterNegators = new ArrayList<>();
	private final List<String> negatingPrefixes = new ArrayList<>();
	private final Map<String, Double> intensifiers = new HashMap<>();
	private final Set<String> contrasts = new HashSet<>();
	private final List<String> suffixes = new ArrayList<>();
	private int longestStem;

	private SentimentLexicon() {
	}

	/** The lexicon of a language; fails when its file is missing or malformed, since that is a broken build. */
	static SentimentLexicon load(String language) {
		SentimentLexicon lexicon = new SentimentLexicon();
		lexicon.read(language + ".tsv", false);
		return lexicon;
	}

	/** A plain {@code term<TAB>valence} table, such as the emoji, with terms kept as written. */
	static Map<String, Double> table(String file) {
		SentimentLexicon lexicon = new SentimentLexicon();
		lexicon.read(file, true);
		return Map.copyOf(lexicon.words);
	}

	double wordValence(String word) {
		Double exact = words.get(word);
		if (exact != null) {
			return exact;
		}
		for (int length = Math.min(word.length(), longestStem); length > 0; length--) {
			Double stem = stems.get(word.substring(0, length));
			if (stem != null) {
				return stem;
			}
		}
		for (String suffix : suffixes) {
			if (word.length() - suffix.length() >= 3 && word.endsWith(suffix)) {
				Double stripped = words.get(word.substring(0, word.length() - suffix.length()));
				if (stripped != null) {
					return stripped;
				}
			}
		}
		return 0;
	}

	List<Phrase> phrasesStartingWith(String word) {
		return phrases.getOrDefault(word, List.of());
	}

	boolean phraseWordMatches(String entry, String word, boolean stem) {
		return stem ? word.startsWith(entry) : word.equals(entry);
	}

	boolean isNegator(String word) {
		return negators.contains(word);
	}

	boolean isAfterNegator(String word) {
		for (String prefix : afterNegators) {
			if (word.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** The valence of the word glued after a negating prefix, or 0 when there is none. */
	double valenceAfterNegatingPrefix(String word) {
		for (String prefix : negatingPrefixes) {
			if (word.length() > prefix.length() + 1 && word.startsWith(prefix)) {
				double rest = wordValence(word.substring(prefix.length()));
				if (rest != 0) {
					return rest;
				}
			}
		}
		return 0;
	}

	double intensity(String word) {
		return intensifiers.getOrDefault(word, 1.0);
	}

	boolean isIntensifier(String word) {
		return intensifiers.containsKey(word);
	}

	boolean isContrast(String word) {
		return contrasts.contains(word);
	}

	/** Every whole word with a valence: evidence of the language for texts too short for the model. */
	Set<String> vocabulary() {
		return words.keySet();
	}

	private void read(String file, boolean plainTable) {
		InputStream in = SentimentLexicon.class.getClassLoader().getResourceAsStream(FOLDER + file);
		if (in == null) {
			throw new IllegalStateException("The sentiment word list " + FOLDER + file + " is missing from the build");
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.split("\t");
				try {
					if (plainTable) {
						words.put(fields[0], Double.parseDouble(fields[1]));
					}
					else if (fields[0].equals("include")) {
						readValences(fields[1]);
					}
					else {
						rule(fields[0], normalise(fields[1]), fields.length > 2 ? fields[2] : null);
					}
				}
				catch (RuntimeException e) {
					throw new IllegalStateException(FOLDER + file + " line " + number + " is not a valid entry: " + line, e);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void readValences(String file) throws IOException {
		InputStream in = SentimentLexicon.class.getClassLoader().getResourceAsStream(FOLDER + file);
		if (in == null) {
			throw new IllegalStateException("The sentiment word list " + FOLDER + file + " is missing from the build");
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					String[] fields = line.split("\t");
					add(normalise(fields[0]), Double.parseDouble(fields[1]), false);
				}
			}
		}
	}

	private void rule(String kind, String term, @Nullable String value) {
		switch (kind) {
			case "word" -> add(term, number(value), false);
			case "stem" -> add(term, number(value), true);
			case "negator" -> negators.add(term);
			case "negator-after" -> afterNegators.add(term);
			case "negating-prefix" -> negatingPrefixes.add(term);
			case "intensifier" -> intensifiers.put(term, number(value));
			case "contrast" -> contrasts.add(term);
			case "suffix" -> suffixes.add(term);
			default -> throw new IllegalArgumentException("unknown kind " + kind);
		}
	}

	private static double number(@Nullable String value) {
		if (value == null) {
			throw new IllegalArgumentException("a value is missing");
		}
		return Double.parseDouble(value);
	}

	private void add(String term, double valence, boolean stem) {
		if (term.indexOf(' ') > 0) {
			List<String> parts = List.of(term.split(" +"));
			List<Phrase> starting = phrases.computeIfAbsent(parts.getFirst(), first -> new ArrayList<>());
			starting.removeIf(phrase -> phrase.words().equals(parts));
			starting.add(new Phrase(parts, valence, stem));
			// the longest phrase is tried first
			starting.sort((a, b) -> b.words().size() - a.words().size());
		}
		else if (stem) {
			stems.put(term, valence);
			longestStem = Math.max(longestStem, term.length());
		}
		else {
			words.put(term, valence);
		}
	}

	/** The form the tokenizer gives words: NFC, lower case, without zero-width joiners. */
	private static String normalise(String term) {
		return Normalizer.normalize(term, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace("\u200d", "")
			.replace("\u200c", "").replace('\u2019', '\'');
	}
}
