package app.chorus.publishing.imports;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import app.chorus.channels.spi.NetworkKey;

/**
 * The bulk-import CSV, read into rows. The format (also in the downloadable template):
 * <ul>
 * <li>{@code channels}: the channels, by handle, name or id, separated by {@code ;}</li>
 * <li>{@code text}: the post</li>
 * <li>{@code scheduled_at}: when, as {@code 2026-12-01 09:30} (in {@code time_zone}, else the importer's zone) or
 * ISO 8601 with an offset; empty makes a draft</li>
 * <li>{@code time_zone} (optional): an IANA zone such as {@code Europe/Copenhagen}</li>
 * <li>{@code text_<network>} (optional, e.g. {@code text_bluesky}): the text for that network's channels</li>
 * </ul>
 * UTF-8 (a byte-order mark is allowed), comma-separated, a header row first. Problems are reported with the line they
 * start on (the header is line 1).
 */
final class CsvPosts {

	static final int MAX_ROWS = 20_000;
	static final String TEMPLATE = """
			channels,text,scheduled_at,time_zone,text_bluesky,text_mastodon
			brand.bsky.social;brand@mastodon.social,"Spring sale starts now! 🌷 Everything 20% off until Sunday.",2026-12-01 09:30,Europe/Copenhagen,,
			brand.bsky.social,"A draft: no time yet.",,,,
			""";

	private static final Set<String> KNOWN = Set.of("channels", "text", "scheduled_at", "time_zone");
	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd[ ]['T']HH:mm[:ss]");

	private CsvPosts() {
	}

	/** One row as written. */
	record Row(int line, List<String> channels, String text, @Nullable Instant scheduledAt,
			Map<NetworkKey, String> networkTexts) {
	}

	/** A problem with the file or a row; {@code column} is null for the whole row or file. */
	record Problem(int line, @Nullable String column, String messageKey, Object... arguments) {
	}

	record Parsed(List<Row> rows, List<Problem> problems) {
	}

	static Parsed parse(byte[] file, ZoneId defaultZone) {
		List<Row> rows = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		String content;
		try {
			content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
		}
		catch (CharacterCodingException e) {
			problems.add(new Problem(1, null, "import.file.not-utf8"));
			return new Parsed(rows, problems);
		}
		if (content.startsWith("\uFEFF")) {
			content = content.substring(1);
		}
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
			.setIgnoreEmptyLines(true).get();
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(content)).setFormat(format).get()) {
			Map<String, Integer> header = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			header.putAll(parser.getHeaderMap());
			for (String required : List.of("channels", "text")) {
				if (!header.containsKey(required)) {
					problems.add(new Problem(1, required, "import.column.missing", required));
				}
			}
			for (String column : header.keySet()) {
				String name = column.toLowerCase(Locale.ROOT);
				if (!KNOWN.contains(name) && (!name.startsWith("text_")
						|| NetworkKey.fromKey(name.substring(5)).isEmpty())) {
					problems.add(new Problem(1, column, "import.column.unknown", column));
				}
			}
			if (!problems.isEmpty()) {
				return new Parsed(rows, problems);
			}
			long lastLine = 1;
			for (CSVRecord record : parser) {
				int line = (int) lastLine + 1;
				lastLine = parser.getCurrentLineNumber();
				if (rows.size() + countRowsWithProblems(problems) >= MAX_ROWS) {
					problems.add(new Problem(line, null, "import.file.too-many-rows", MAX_ROWS));
					break;
				}
				row(record, line, header, defaultZone, rows, problems);
			}
		}
		catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
			problems.add(new Problem((int) Math.max(1, rows.size() + 1), null, "import.file.malformed",
					String.valueOf(e.getMessage())));
		}
		if (rows.isEmpty() && problems.isEmpty()) {
			problems.add(new Problem(2, null, "import.file.empty"));
		}
		return new Parsed(rows, problems);
	}

	private static long countRowsWithProblems(List<Problem> problems) {
		return problems.stream().mapToInt(Problem::line).distinct().count();
	}

	private static void row(CSVRecord record, int line, Map<String, Integer> header, ZoneId defaultZone,
			List<Row> rows, List<Problem> problems) {
		if (!record.isConsistent()) {
			problems.add(new Problem(line, null, "import.row.columns", header.size(), record.size()));
			return;
		}
		int before = problems.size();
		List<String> channels = new ArrayList<>();
		for (String channel : value(record, header, "channels").split("[;|]")) {
			if (!channel.isBlank()) {
				channels.add(channel.strip());
			}
		}
		if (channels.isEmpty()) {
			problems.add(new Problem(line, "channels", "import.row.channels-missing"));
		}
		String text = value(record, header, "text");
		ZoneId zone = defaultZone;
		String zoneText = value(record, header, "time_zone");
		if (!zoneText.isBlank()) {
			try {
				zone = ZoneId.of(zoneText.strip());
			}
			catch (DateTimeException e) {
				problems.add(new Problem(line, "time_zone", "import.row.zone", zoneText));
			}
		}
		Instant scheduledAt = null;
		String when = value(record, header, "scheduled_at");
		if (!when.isBlank()) {
			scheduledAt = instant(when.strip(), zone);
			if (scheduledAt == null) {
				problems.add(new Problem(line, "scheduled_at", "import.row.time", when));
			}
		}
		Map<NetworkKey, String> networkTexts = new java.util.EnumMap<>(NetworkKey.class);
		for (String column : header.keySet()) {
			if (column.toLowerCase(Locale.ROOT).startsWith("text_")) {
				String value = value(record, header, column);
				if (!value.isBlank()) {
					NetworkKey.fromKey(column.substring(5).toLowerCase(Locale.ROOT))
						.ifPresent(network -> networkTexts.put(network, value));
				}
			}
		}
		if (problems.size() == before) {
			rows.add(new Row(line, channels, text, scheduledAt, networkTexts));
		}
	}

	private static String value(CSVRecord record, Map<String, Integer> header, String column) {
		Integer index = header.get(column);
		return index == null || index >= record.size() ? "" : record.get(index);
	}

	private static @Nullable Instant instant(String value, ZoneId zone) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return LocalDateTime.parse(value, LOCAL).atZone(zone).toInstant();
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}
}
