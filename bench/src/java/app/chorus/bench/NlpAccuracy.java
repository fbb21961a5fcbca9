package app.chorus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

import app.chorus.nlp.SentimentLabel;
import app.chorus.nlp.TextAnalysis;

/**
 * How well {@link TextAnalysis} tells languages and sentiment, and how long it takes: the labelled samples written for
 * Chorus ({@code nlp-samples.tsv} beside this file, in English, Danish, Korean and Nepali, with Hindi, Marathi,
 * Norwegian and Swedish for the language only), and the UCI "Sentiment Labelled Sentences" (amazon, imdb, yelp: 1,000
 * English sentences each, positive or negative) from the folder {@code bench.nlp.data}, fetched as bench/README.md says.
 * Prints the figures and appends them to {@code bench.report}.
 */
public final class NlpAccuracy {

	static final Path SAMPLES = Path.of("bench/src/java/app/chorus/bench/nlp-samples.tsv");

	private final Path data = Path.of(System.getProperty("bench.nlp.data", "target/nlp-bench/package/test/fixtures"));

	private final Path report = Path.of(System.getProperty("bench.report", "BENCHMARKS.md"));

	private final StringBuilder md = new StringBuilder();

	record Sample(String language, String sentiment, String text) {
	}

	public static void main(String[] args) throws IOException {
		new NlpAccuracy().run();
	}

	private void run() throws IOException {
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		long heapBefore = runtime.totalMemory() - runtime.freeMemory();
		long start = System.nanoTime();
		TextAnalysis analysis = new TextAnalysis();
		long lexicons = System.nanoTime();
		analysis.language("warming up the model");
		long model = System.nanoTime();
		System.gc();
		long heapAfter = runtime.totalMemory() - runtime.freeMemory();

		md.append("\n## Language and sentiment (nlp), ").append(LocalDate.now()).append("\n\n");
		md.append("`./mvnw -q -Pbench test-compile exec:exec -Dbench.main=app.chorus.bench.NlpAccuracy` on ")
			.append(runtime.availableProcessors()).append(" cores, JDK ").append(System.getProperty("java.version"))
			.append(" (see bench/README.md for fetching the UCI sets first).\n\n");
		line("Start: word lists read in %.0f ms, language model in %.0f ms; heap held afterwards %d MB.", ms(start, lexicons),
				ms(lexicons, model), (heapAfter - heapBefore) >> 20);

		List<Sample> samples = readSamples();
		languages(analysis, samples);
		ownSentiment(analysis, samples);
		uci(analysis);
		timing(analysis, samples);

		if (!Files.exists(report)) {
			Files.writeString(report, "# Benchmarks\n");
		}
		Files.writeString(report, md, StandardOpenOption.APPEND);
		System.out.println("Appended to " + report.toAbsolutePath());
	}

	private void languages(TextAnalysis analysis, List<Sample> samples) {
		Map<String, int[]> byLanguage = new TreeMap<>();
		List<String> misses = new ArrayList<>();
		int right = 0;
		for (Sample sample : samples) {
			String found = analysis.language(sample.text());
			int[] counts = byLanguage.computeIfAbsent(sample.language(), l -> new int[2]);
			counts[1]++;
			if (found.equals(sample.language())) {
				counts[0]++;
				right++;
			}
			else {
				misses.add(sample.language() + " read as " + found + ": " + sample.text());
			}
		}
		line("\n**Language**, %d samples written for Chorus (`nlp-samples.tsv`): %d right (%.1f%%).\n", samples.size(), right,
				100.0 * right / samples.size());
		md.append("| language | right | samples |\n|---|---|---|\n");
		byLanguage.forEach((language, counts) -> md.append("| ").append(language).append(" | ").append(counts[0])
			.append(" | ").append(counts[1]).append(" |\n"));
		for (String miss : misses) {
			line("- %s", miss);
		}
	}

	private void ownSentiment(TextAnalysis analysis, List<Sample> samples) {
		Map<String, List<String[]>> byLanguage = new TreeMap<>();
		for (Sample sample : samples) {
			if (!sample.sentiment().equals("-")) {
				String found = analysis.sentiment(sample.text(), sample.language()).label().key();
				byLanguage.computeIfAbsent(sample.language(), l -> new ArrayList<>())
					.add(new String[] { sample.sentiment(), found, sample.text() });
			}
		}
		line("\n**Sentiment**, the same samples (positive, negative, neutral), read in their labelled language:\n");
		md.append("| language | accuracy | samples | wrong |\n|---|---|---|---|\n");
		byLanguage.forEach((language, rows) -> {
			long right = rows.stream().filter(r -> r[0].equals(r[1])).count();
			String wrong = String.join("; ",
					rows.stream().filter(r -> !r[0].equals(r[1])).map(r -> r[2] + " (" + r[0] + ", read " + r[1] + ")").toList());
			md.append(String.format(Locale.ROOT, "| %s | %.0f%% | %d | %s |%n", language, 100.0 * right / rows.size(),
					rows.size(), wrong));
		});
	}

	private void uci(TextAnalysis analysis) throws IOException {
		if (!Files.isDirectory(data)) {
			line("\n**UCI sentences**: not measured, %s is missing (see bench/README.md).", data);
			return;
		}
		line("\n**English sentiment, UCI Sentiment Labelled Sentences** (Kotzias et al., 2015; 500 positive and 500"
				+ " negative each). Accuracy counts a neutral answer as wrong; \"decided\" is the share not read as neutral,"
				+ " and \"accuracy when decided\" the accuracy over those. \"Read as English\" is the language"
				+ " identification's share on the same sentences (all English, mostly short).\n");
		md.append("| set | accuracy | decided | accuracy when decided | positive P / R | negative P / R | read as English |\n"
				+ "|---|---|---|---|---|---|---|\n");
		JsonMapper json = JsonMapper.builder().build();
		for (String set : List.of("amazon", "imdb", "yelp")) {
			List<?> rows = json.readValue(data.resolve(set + ".json").toFile(), List.class);
			Map<String, Integer> counts = new LinkedHashMap<>();
			int total = 0;
			int english = 0;
			for (Object row : rows) {
				Map<?, ?> item = (Map<?, ?>) row;
				if (!(item.get("class") instanceof Number)) {
					continue; // each set ends with an empty, unlabelled entry
				}
				String expected = ((Number) item.get("class")).intValue() == 1 ? "positive" : "negative";
				String found = analysis.sentiment((String) item.get("text"), "en").label().key();
				counts.merge(expected + ">" + found, 1, Integer::sum);
				if (analysis.language((String) item.get("text")).equals("en")) {
					english++;
				}
				total++;
			}
			int pp = counts.getOrDefault("positive>positive", 0);
			int nn = counts.getOrDefault("negative>negative", 0);
			int np = counts.getOrDefault("negative>positive", 0);
			int pn = counts.getOrDefault("positive>negative", 0);
			int positives = pp + pn + counts.getOrDefault("positive>neutral", 0);
			int negatives = nn + np + counts.getOrDefault("negative>neutral", 0);
			int decided = pp + nn + np + pn;
			md.append(String.format(Locale.ROOT,
					"| %s | %.1f%% | %.1f%% | %.1f%% | %.2f / %.2f | %.2f / %.2f | %.1f%% |%n", set,
					100.0 * (pp + nn) / total, 100.0 * decided / total, 100.0 * (pp + nn) / Math.max(decided, 1),
					pp / (double) Math.max(pp + np, 1), pp / (double) Math.max(positives, 1),
					nn / (double) Math.max(nn + pn, 1), nn / (double) Math.max(negatives, 1), 100.0 * english / total));
		}
	}

	private void timing(TextAnalysis analysis, List<Sample> samples) {
		for (int i = 0; i < 200; i++) {
			samples.forEach(sample -> analysis.analyse(sample.text()));
		}
		int rounds = 500;
		long start = System.nanoTime();
		for (int i = 0; i < rounds; i++) {
			samples.forEach(sample -> analysis.analyse(sample.text()));
		}
		double perText = ms(start, System.nanoTime()) / (rounds * (double) samples.size());
		line("\n**Time**: `analyse` (language and sentiment) takes %.3f ms per sample text on one thread after warming up"
				+ " (%d texts, average %d characters), so one core analyses about %,d texts a second.", perText,
				rounds * samples.size(), samples.stream().mapToInt(s -> s.text().length()).sum() / samples.size(),
				Math.round(1 / perText * 1000));
	}

	private static List<Sample> readSamples() throws IOException {
		List<Sample> samples = new ArrayList<>();
		for (String line : Files.readAllLines(SAMPLES)) {
			if (!line.isBlank() && !line.startsWith("#")) {
				String[] fields = line.split("\t");
				samples.add(new Sample(fields[0], fields[1], fields[2]));
			}
		}
		return samples;
	}

	private void line(String format, Object... args) {
		String text = String.format(Locale.ROOT, format, args);
		System.out.println(text);
		md.append(text).append('\n');
	}

	private static double ms(long from, long to) {
		return (to - from) / 1e6;
	}
}
