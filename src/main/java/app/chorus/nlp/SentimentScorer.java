package app.chorus.nlp;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.chorus.nlp.SentimentLexicon.Phrase;
import app.chorus.nlp.SocialText.Token;

/**
 * Scores a tokenised text with a lexicon: each sentiment word's valence, turned by a negation before it (or right after it,
 * in Korean and Nepali), multiplied by an intensifier before it, weighted half before a "but" and one and a half after
 * it; emoji count in every language. The sum S over a text of n words and emoji becomes x = S / sqrt(n) (a sentiment
 * word weighs less in a long text than in a short one) and then x / sqrt(x² + 4), which lies in (-1, 1).
 */
final class SentimentScorer {

	/** A negated word keeps three quarters of its strength with the sign turned: "not bad" is less than "good". */
	private static final double NEGATION = -0.75;

	private static final int NEGATION_REACH = 3;

	private static final double BEFORE_CONTRAST = 0.5;

	private static final double AFTER_CONTRAST = 1.5;

	/** How quickly the score approaches ±1: one strong word (valence 3) in a five-word text scores about 0.56. */
	private static final double ALPHA = 4;

	private final Map<String, Double> emoji;

	SentimentScorer(Map<String, Double> emoji) {
		this.emoji = emoji;
	}

	Sentiment score(List<Token> tokens, @Nullable SentimentLexicon lexicon) {
		int counted = 0;
		int contrastAt = -1;
		double[] valences = new double[tokens.size()];
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			counted++;
			if (!token.isWord()) {
				valences[i] = emoji.getOrDefault(token.text(), 0.0);
				continue;
			}
			if (lexicon == null) {
				continue;
			}
			if (lexicon.isContrast(token.text())) {
				contrastAt = i;
				continue;
			}
			if (lexicon.isIntensifier(token.text()) && i + 1 < tokens.size() && lexicon.wordValence(tokens.get(i + 1).text()) != 0) {
				continue;
			}
			Phrase phrase = phraseAt(tokens, i, lexicon);
			int last = phrase == null ? i : i + phrase.words().size() - 1;
			double valence;
			boolean negated = false;
			if (phrase != null) {
				valence = phrase.valence();
			}
			else {
				valence = lexicon.wordValence(token.text());
				if (valence == 0) {
					valence = lexicon.valenceAfterNegatingPrefix(token.text());
					negated = valence != 0;
				}
			}
			if (valence == 0) {
				continue;
			}
			if (negatedBefore(tokens, i, lexicon) != negatedAfter(tokens, last, lexicon)) {
				negated = !negated;
			}
			valence *= intensityBefore(tokens, i, lexicon);
			valences[i] = negated ? valence * NEGATION : valence;
			i = last;
		}
		double sum = 0;
		for (int i = 0; i < valences.length; i++) {
			double weight = contrastAt < 0 ? 1 : i < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
			sum += valences[i] * weight;
		}
		if (sum == 0) {
			return Sentiment.NEUTRAL;
		}
		double x = sum / Math.sqrt(Math.max(counted, 1));
		return Sentiment.of(Math.round(x / Math.sqrt(x * x + ALPHA) * 10_000) / 10_000.0);
	}

	/** The longest phrase that starts at {@code i}, if any does. */
	private static @Nullable Phrase phraseAt(List<Token> tokens, int i, SentimentLexicon lexicon) {
		for (Phrase phrase : lexicon.phrasesStartingWith(tokens.get(i).text())) {
			List<String> words = phrase.words();
			if (i + words.size() > tokens.size()) {
				continue;
			}
			boolean matches = true;
			for (int k = 1; k < words.size() && matches; k++) {
				Token next = tokens.get(i + k);
				boolean stem = phrase.stemLast() && k == words.size() - 1;
				matches = next.isWord() && next.clause() == tokens.get(i).clause()
						&& lexicon.phraseWordMatches(words.get(k), next.text(), stem);
			}
			if (matches) {
				return phrase;
			}
		}
		return null;
	}

	private static boolean negatedBefore(List<Token> tokens, int i, SentimentLexicon lexicon) {
		int clause = tokens.get(i).clause();
		for (int k = i - 1; k >= 0 && k >= i - NEGATION_REACH; k--) {
			Token before = tokens.get(k);
			if (before.clause() != clause) {
				return false;
			}
			if (before.isWord() && lexicon.isNegator(before.text())) {
				return true;
			}
		}
		return false;
	}

	/** Only the word right after counts: in 별로 좋지 않아요, 않아요 turns 좋지, not 별로. */
	private static boolean negatedAfter(List<Token> tokens, int last, SentimentLexicon lexicon) {
		if (last + 1 >= tokens.size()) {
			return false;
		}
		Token after = tokens.get(last + 1);
		return after.isWord() && after.clause() == tokens.get(last).clause() && lexicon.isAfterNegator(after.text());
	}

	private static double intensityBefore(List<Token> tokens, int i, SentimentLexicon lexicon) {
		int clause = tokens.get(i).clause();
		for (int k = i - 1; k >= 0 && k >= i - 2; k--) {
			Token before = tokens.get(k);
			if (before.clause() != clause || !before.isWord()) {
				return 1;
			}
			if (lexicon.isIntensifier(before.text())) {
				return lexicon.intensity(before.text());
			}
			if (!lexicon.isNegator(before.text())) {
				return 1;
			}
		}
		return 1;
	}
}
