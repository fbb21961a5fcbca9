package app.chorus.nlp;

import java.util.Arrays;
import java.util.Map;

import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The Apache OpenNLP language model's probabilities for a text, worked out from the model's own parameters the way
 * its {@code LanguageDetectorME} does (the same normalisation, the distinct lower-cased character n-grams of one to
 * three characters, each counted once, the maximum-entropy sum over the uniform prior), without its per-text
 * allocations: an n-gram is looked up as a number in an open-addressed table, and each one's weights lie side by side.
 * In ingestion the detector's map lookups and boxing were a third of the Java time. Immutable, shared by all threads.
 * {@link #of} refuses a model built differently (another factory or another kind of model), for which the figures would
 * not be the same; {@code LanguageModelTests} checks they are, text by text.
 */
final class LanguageModel {

	private static final int LONGEST_GRAM = 3;

	private final CharSequenceNormalizer normalizer = new AggregateCharSequenceNormalizer(
			EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
			TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
			ShrinkCharSequenceNormalizer.getInstance());
	private final String[] outcomes;
	private final double logPrior;
	/** Open addressing: a gram's key (never 0) and its index, at {@code mix(key) & mask} or the next free slot. */
	private final long[] keys;
	private final int[] indexes;
	private final int mask;
	/** Gram i's weights are {@code weights[starts[i]..starts[i + 1])}, for outcomes {@code outcomeOf[...]}. */
	private final int[] starts;
	private final int[] outcomeOf;
	private final double[] weights;

	private LanguageModel(String[] outcomes, Map<String, Context> grams) {
		this.outcomes = outcomes.clone();
		this.logPrior = StrictMath.log(1.0 / outcomes.length);
		int capacity = Integer.highestOneBit(Math.max(grams.size(), 1) * 2) * 2;
		this.keys = new long[capacity];
		this.indexes = new int[capacity];
		this.mask = capacity - 1;
		int total = 0;
		for (Context context : grams.values()) {
			total += context.getOutcomes().length;
		}
		this.starts = new int[grams.size() + 1];
		this.outcomeOf = new int[total];
		this.weights = new double[total];
		int index = 0;
		int at = 0;
		for (Map.Entry<String, Context> gram : grams.entrySet()) {
			String text = gram.getKey();
			if (text.isEmpty() || text.length() > LONGEST_GRAM) {
				continue; // never produced from a text, so never looked up
			}
			long key = key(text.toCharArray(), 0, text.length());
			int slot = slot(key);
			while (keys[slot] != 0) {
				slot = (slot + 1) & mask;
			}
			keys[slot] = key;
			indexes[slot] = index;
			starts[index] = at;
			int[] outcomeIds = gram.getValue().getOutcomes();
			double[] parameters = gram.getValue().getParameters();
			System.arraycopy(outcomeIds, 0, outcomeOf, at, outcomeIds.length);
			System.arraycopy(parameters, 0, weights, at, parameters.length);
			at += outcomeIds.length;
			index++;
		}
		for (int i = index; i < starts.length; i++) {
			starts[i] = at;
		}
	}

	/**
	 * This model, ready to evaluate.
	 * @throws IllegalArgumentException when it was not built by OpenNLP's own language detector factory as a GIS
	 * maximum-entropy model
	 */
	@SuppressWarnings("unchecked")
	static LanguageModel of(LanguageDetectorModel model) {
		if (model.getFactory().getClass() != LanguageDetectorFactory.class
				|| !(model.getMaxentModel() instanceof GISModel maxent)) {
			throw new IllegalArgumentException("Not a language model of OpenNLP's own kind: "
					+ model.getFactory().getClass().getName() + ", " + model.getMaxentModel().getClass().getName());
		}
		Object[] data = maxent.getDataStructures();
		return new LanguageModel((String[]) data[2], (Map<String, Context>) data[1]);
	}

	int outcomes() {
		return outcomes.length;
	}

	/** The model's code of outcome {@code i}. */
	String outcome(int i) {
		return outcomes[i];
	}

	/** The probability of each outcome (by index) for the text; they add up to one. */
	double[] probabilities(CharSequence text) {
		char[] chars = lowerCase(normalizer.normalize(text));
		int[] found = new int[Math.max(chars.length * LONGEST_GRAM, 1)];
		int count = 0;
		for (int length = 1; length <= LONGEST_GRAM; length++) {
			for (int start = 0; start + length <= chars.length; start++) {
				int index = find(key(chars, start, length));
				if (index >= 0) {
					found[count++] = index;
				}
			}
		}
		Arrays.sort(found, 0, count);
		double[] sums = new double[outcomes.length];
		Arrays.fill(sums, logPrior);
		for (int i = 0; i < count; i++) {
			int gram = found[i];
			if (i > 0 && found[i - 1] == gram) {
				continue; // each distinct n-gram counts once
			}
			for (int k = starts[gram]; k < starts[gram + 1]; k++) {
				sums[outcomeOf[k]] += weights[k];
			}
		}
		double normal = 0;
		for (int o = 0; o < sums.length; o++) {
			sums[o] = StrictMath.exp(sums[o]);
			normal += sums[o];
		}
		for (int o = 0; o < sums.length; o++) {
			sums[o] /= normal;
		}
		return sums;
	}

	/** Each code point lower-cased on its own, as OpenNLP's n-gram model does. */
	private static char[] lowerCase(CharSequence text) {
		StringBuilder lower = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> lower.appendCodePoint(Character.toLowerCase(cp)));
		char[] chars = new char[lower.length()];
		lower.getChars(0, chars.length, chars, 0);
		return chars;
	}

	private int find(long key) {
		for (int slot = slot(key);; slot = (slot + 1) & mask) {
			long here = keys[slot];
			if (here == key) {
				return indexes[slot];
			}
			if (here == 0) {
				return -1;
			}
		}
	}

	private int slot(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32)) & mask;
	}

	/** One to three UTF-16 characters and their count as one number, never 0. */
	private static long key(char[] chars, int start, int length) {
		long key = length;
		for (int i = 0; i < LONGEST_GRAM; i++) {
			key = (key << 16) | (i < length ? chars[start + i] : 0);
		}
		return key;
	}

	@Override
	public String toString() {
		return "LanguageModel[" + outcomes.length + " languages, " + (starts.length - 1) + " n-grams]";
	}
}
