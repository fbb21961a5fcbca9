package app.chorus.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.chorus.ChorusApplication;
import app.chorus.identity.UserAccount;
import app.chorus.inbox.search.SearchTerms;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox's lists and search over a large inbox: {@code bench.items} items (10 million by default) in
 * conversations of five, all in the one workspace being read (the worst case: the workspace narrows nothing), on 100
 * channels over a year, in English, Danish, Korean and Nepali (the labelled sample sentences with words added from a
 * vocabulary of 20,000, so some words are common and most are rare). The items are written with PostgreSQL's COPY,
 * with the inbox's indexes dropped and then built again exactly as the migrations define them; the data folder is
 * kept under {@code target/bench/}, so a second run measures without filling again. Each request is timed as a client
 * sees it: {@code GET /api/v1/inbox/...} with a token, over loopback, one at a time. See bench/README.md.
 */
public final class InboxQueries {

	private static final DateTimeFormatter HEADING = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final int PER_CONVERSATION = 5;
	private static final int CHANNELS = 100;
	private static final int VOCABULARY = 20_000;
	private static final int AUTHORS = 200_000;
	private static final int ROUNDS = Integer.getInteger("bench.rounds", 200);

	private final long items = Long.getLong("bench.items", 10_000_000L);
	private final Path report = Path.of(System.getProperty("bench.report", "BENCHMARKS.md"));
	private final HttpClient http = HttpClient.newHttpClient();

	private InboxQueries() {
	}

	public static void main(String[] args) {
		int status = 0;
		try {
			new InboxQueries().measure();
		}
		catch (Exception | Error e) {
			e.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	private void measure() throws Exception {
		Path data = Path.of("target", "bench", "inbox-queries-" + items).toAbsolutePath();
		say("Starting Chorus (data in %s, kept for the next run)", data);
		ConfigurableApplicationContext chorus = SpringApplication.run(ChorusApplication.class,
				"--chorus.data-dir=" + data, "--server.port=0", "--chorus.base-url=http://localhost",
				"--chorus.inbox.background-polling=false");
		try {
			run(chorus, data);
		}
		finally {
			chorus.close();
		}
	}

	private void run(ConfigurableApplicationContext chorus, Path data) throws Exception {
		DataSource dataSource = chorus.getBean(DataSource.class);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		TestWorld world = chorus.getBean(TestWorld.class);
		Path ownerFile = data.resolve("bench-owner");
		UUID ws = jdbc.sql("""
				select workspace_id from inbox.items group by workspace_id order by count(*) desc limit 1""")
			.query(UUID.class).optional().orElse(null);
		long stored = ws == null ? 0 : jdbc.sql("select count(*) from inbox.items where workspace_id = ?").param(ws)
			.query(Long.class).single();
		Membership workspace;
		String fill;
		if (stored >= items && Files.exists(ownerFile)) {
			// the workspace the run that filled the inbox made, read by its owner again
			workspace = new Membership(new WorkspaceId(ws), "queries", new UserId(UUID.fromString(
					Files.readString(ownerFile).strip())), Role.OWNER);
			fill = String.format(Locale.ROOT, "the items were written by an earlier run");
		}
		else {
			workspace = world.workspace("queries");
			Instant started = Instant.now();
			fill(dataSource, jdbc, workspace.workspaceId().value());
			Files.writeString(ownerFile, workspace.userId().value().toString());
			fill = "written in " + seconds(Duration.between(started, Instant.now()));
		}
		UserAccount owner = world.owner(workspace);
		UUID target = workspace.workspaceId().value();
		jdbc.sql("vacuum analyze inbox.items").update();
		jdbc.sql("vacuum analyze inbox.conversations").update();
		String token = world.token(owner, workspace);
		String base = "http://localhost:" + chorus.getEnvironment().getProperty("local.server.port");
		long count = jdbc.sql("select count(*) from inbox.items where workspace_id = ?").param(target)
			.query(Long.class).single();
		String size = jdbc.sql("select pg_size_pretty(pg_total_relation_size('inbox.items'))").query(String.class)
			.single();
		String channel = jdbc.sql("select channel_id from inbox.items where workspace_id = ? limit 1").param(target)
			.query(UUID.class).single().toString();
		JsonNode first = get(base + "/api/v1/inbox/items?limit=50", token);
		String next = first.path("next").asString();

		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("items, newest 50", "/api/v1/inbox/items?limit=50");
		queries.put("items, the next page (cursor)", "/api/v1/inbox/items?limit=50&cursor=" + next);
		queries.put("items of one channel", "/api/v1/inbox/items?limit=50&channelId=" + channel);
		queries.put("items in Korean", "/api/v1/inbox/items?limit=50&language=ko");
		queries.put("items, negative", "/api/v1/inbox/items?limit=50&sentiment=negative");
		queries.put("conversations, newest 50", "/api/v1/inbox/conversations?limit=50");
		queries.put("conversations, open", "/api/v1/inbox/conversations?limit=50&status=open");
		queries.put("conversations, unassigned and breached",
				"/api/v1/inbox/conversations?limit=50&assigneeId=none&sla=breached");
		queries.put("conversations tagged", "/api/v1/inbox/conversations?limit=50&tag=billing");
		queries.put("conversations in Nepali, negative",
				"/api/v1/inbox/conversations?limit=50&language=ne&sentiment=negative");
		queries.put("search, a common word (\"the\")", "/api/v1/inbox/items?limit=50&q=the");
		queries.put("search, a rare word", "/api/v1/inbox/items?limit=50&q=" + word(4242));
		queries.put("search, two words", "/api/v1/inbox/items?limit=50&q=" + encode("refund " + word(77)));
		queries.put("search, Korean (배송)", "/api/v1/inbox/items?limit=50&q=" + encode("배송"));
		queries.put("search, Nepali (सेवा)", "/api/v1/inbox/items?limit=50&q=" + encode("सेवा"));
		queries.put("search, Danish (tak)", "/api/v1/inbox/items?limit=50&q=" + encode("tak"));
		queries.put("search, no match", "/api/v1/inbox/items?limit=50&q=zzqqxx");
		queries.put("search conversations, a rare word", "/api/v1/inbox/conversations?limit=50&q=" + word(999));

		if (Boolean.getBoolean("bench.explain")) {
			explain(jdbc, target, "select i.* from inbox.items i where i.workspace_id = ? and i.search @@ cast(? as "
					+ "tsquery) order by i.received_at desc, i.id desc limit 51", SearchTerms.query(word(4242)));
			explain(jdbc, target, "select i.* from inbox.items i where i.workspace_id = ? and i.search @@ cast(? as "
					+ "tsquery) order by i.received_at desc, i.id desc limit 51", SearchTerms.query("the"));
			explain(jdbc, target, "select c.* from inbox.conversations c where c.workspace_id = ? and exists (select 1 "
					+ "from inbox.items i where i.workspace_id = c.workspace_id and i.conversation_id = c.id and "
					+ "i.language = ? and i.sentiment_label = 'negative') order by c.last_activity_at desc, c.id desc "
					+ "limit 51", "ne");
			String twoWords = SearchTerms.query("refund " + word(77));
			explain(jdbc, target, "select i.* from inbox.items i where i.workspace_id = ? and i.search @@ cast(? as "
					+ "tsquery) order by i.received_at desc, i.id desc limit 51", twoWords);
			explain(jdbc, target, "select c.* from inbox.conversations c where c.workspace_id = ? and exists (select 1 "
					+ "from inbox.items i where i.workspace_id = c.workspace_id and i.conversation_id = c.id and "
					+ "i.search @@ cast(? as tsquery)) order by c.last_activity_at desc, c.id desc limit 51",
					SearchTerms.query(word(999)));
			jdbc.sql("select attname, array_length(most_common_elems, 1) from pg_stats where schemaname = 'inbox' "
					+ "and tablename = 'items' and attname = 'search'").query(rs -> {
						say("statistics of %s: %s most common elements", rs.getString(1), rs.getString(2));
					});
		}
		say("Measuring %d queries, %d rounds each", queries.size(), ROUNDS);
		Map<String, List<Long>> timings = new LinkedHashMap<>();
		queries.keySet().removeIf(name -> !name.matches(System.getProperty("bench.only", ".*")));
		for (Map.Entry<String, String> query : queries.entrySet()) {
			for (int i = 0; i < 10; i++) {
				get(base + query.getValue(), token);
			}
			List<Long> micros = new ArrayList<>();
			for (int i = 0; i < ROUNDS; i++) {
				long start = System.nanoTime();
				get(base + query.getValue(), token);
				micros.add((System.nanoTime() - start) / 1000);
			}
			Collections.sort(micros);
			timings.put(query.getKey(), micros);
			say("  %-45s p50 %s  p95 %s  p99 %s", query.getKey(), ms(micros, 50), ms(micros, 95), ms(micros, 99));
		}
		append(count, size, fill, timings);
	}

	private static void explain(JdbcClient jdbc, UUID workspace, String sql, String parameter) {
		say("EXPLAIN %s [%s]", sql, parameter);
		jdbc.sql("explain (analyze, buffers) " + sql).params(workspace, parameter).query(String.class).list()
			.forEach(line -> say("    %s", line));
	}

	private JsonNode get(String url, String token) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/** Word number {@code n} of the vocabulary: made-up, pronounceable, none a real word. */
	static String word(int n) {
		String[] syllables = { "ka", "lo", "mi", "ner", "tu", "vas", "pe", "dro", "si", "gul", "fa", "ben", "xo",
				"ri", "yam", "zu" };
		StringBuilder word = new StringBuilder();
		int rest = n + 16;
		while (rest > 0) {
			word.append(syllables[rest % 16]);
			rest /= 16;
		}
		return word.toString();
	}

	private record Sample(String language, String sentiment, String text) {
	}

	/** Writes the items and their conversations with COPY, the inbox's indexes dropped meanwhile. */
	private void fill(DataSource dataSource, JdbcClient jdbc, UUID workspace) throws Exception {
		List<Sample> samples = new ArrayList<>();
		for (String line : Files.readAllLines(NlpAccuracy.SAMPLES, StandardCharsets.UTF_8)) {
			String[] fields = line.split("\t");
			if (!line.startsWith("#") && fields.length == 3 && List.of("en", "da", "ko", "ne").contains(fields[0])) {
				samples.add(new Sample(fields[0], fields[1], fields[2].strip()));
			}
		}
		List<String> indexes = jdbc.sql("""
				select indexdef from pg_indexes where schemaname = 'inbox'
				    and tablename in ('items', 'conversations') and indexname not like '%pkey'""")
			.query(String.class).list();
		List<String> names = jdbc.sql("""
				select indexname from pg_indexes where schemaname = 'inbox'
				    and tablename in ('items', 'conversations') and indexname not like '%pkey'""")
			.query(String.class).list();
		say("Dropping %d indexes while filling: %s", names.size(), names);
		for (String name : names) {
			jdbc.sql("drop index inbox." + name).update();
		}
		List<UUID> channels = new ArrayList<>();
		for (int i = 0; i < CHANNELS; i++) {
			channels.add(UUID.randomUUID());
		}
		SplittableRandom random = new SplittableRandom(42);
		Instant end = Instant.parse("2026-11-30T00:00:00Z");
		long span = Duration.ofDays(365).toMillis();
		long conversations = items / PER_CONVERSATION;
		int chunk = 20_000;
		try (Connection connection = dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (long from = 0; from < conversations; from += chunk) {
				StringBuilder conversationRows = new StringBuilder();
				StringBuilder itemRows = new StringBuilder();
				long to = Math.min(conversations, from + chunk);
				for (long c = from; c < to; c++) {
					UUID conversation = Ids.next();
					UUID channel = channels.get((int) (c % CHANNELS));
					Instant started = end.minusMillis(span - span * c / conversations);
					String status = switch (random.nextInt(10)) {
						case 0, 1 -> "new";
						case 2, 3 -> "open";
						case 4 -> "pending";
						default -> "resolved";
					};
					String tags = random.nextInt(20) == 0 ? "{billing}" : "{}";
					Instant last = started.plusSeconds(60L * PER_CONVERSATION);
					conversationRows.append(csv(conversation, workspace, channel, "bluesky", "mention",
							"at://c/" + c, status, "normal", started, last, tags, "true",
							status.equals("resolved") ? null : started.plusSeconds(86_400),
							status.equals("resolved") ? null : started.plusSeconds(86_400))).append('\n');
					for (int k = 0; k < PER_CONVERSATION; k++) {
						Sample sample = samples.get(random.nextInt(samples.size()));
						String text = sample.text() + " " + word(random.nextInt(VOCABULARY)) + " "
								+ word(random.nextInt(VOCABULARY));
						int author = random.nextInt(AUTHORS);
						Instant at = started.plusSeconds(60L * k);
						String sentiment = sample.sentiment().equals("-") ? "neutral" : sample.sentiment();
						itemRows.append(csv(Ids.next(), workspace, channel, "bluesky", conversation,
								"at://fan" + author + "/app.bsky.feed.post/" + c + "-" + k, "mention",
								"did:plc:fan" + author, "fan" + author + ".bsky.social", "Fan " + author, text,
								"https://bsky.app/profile/fan" + author + ".bsky.social/post/" + c + "-" + k, at, at,
								sample.language(), sentiment,
								sentiment.equals("negative") ? "-0.6" : sentiment.equals("positive") ? "0.6" : "0",
								tsvector(SearchTerms.lexemes(text + " fan" + author + ".bsky.social Fan " + author))))
							.append('\n');
					}
				}
				copy.copyIn("""
						copy inbox.conversations (id, workspace_id, channel_id, network, kind, root_ref, status,
						    priority, created_at, last_activity_at, tags, sla_stamped, first_response_due_at,
						    resolution_due_at) from stdin with (format csv)""", reader(conversationRows));
				copy.copyIn("""
						copy inbox.items (id, workspace_id, channel_id, network, conversation_id, remote_id, type,
						    author_id, author_handle, author_display_name, text, url, created_at, received_at,
						    language, sentiment_label, sentiment_score, search) from stdin with (format csv)""",
						reader(itemRows));
				if ((from / chunk) % 25 == 0) {
					say("  %,d of %,d items", to * PER_CONVERSATION, items);
				}
			}
			say("Building the indexes again");
			try (var statement = connection.createStatement()) {
				statement.execute("set maintenance_work_mem = '1GB'");
				for (String index : indexes) {
					Instant started = Instant.now();
					statement.execute(index);
					say("  %s (%s)", index, seconds(Duration.between(started, Instant.now())));
				}
			}
		}
	}

	private static Reader reader(StringBuilder rows) {
		return new StringReader(rows.toString());
	}

	/** A tsvector literal of these words, as the inbox stores them (each word a lexeme, quoted). */
	private static String tsvector(List<String> words) {
		StringBuilder vector = new StringBuilder();
		for (String word : words) {
			if (!vector.isEmpty()) {
				vector.append(' ');
			}
			vector.append('\'').append(word.replace("\\", "\\\\").replace("'", "''")).append('\'');
		}
		return vector.toString();
	}

	private static String csv(Object... values) {
		StringBuilder row = new StringBuilder();
		for (Object value : values) {
			if (!row.isEmpty()) {
				row.append(',');
			}
			if (value != null) {
				row.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
			}
		}
		return row.toString();
	}

	private void append(long count, String size, String fill, Map<String, List<Long>> timings) throws IOException {
		boolean met = timings.values().stream().allMatch(t -> InboxIngest.percentile(t, 95) < 50_000);
		StringBuilder md = new StringBuilder();
		md.append("\n## Inbox lists and search, ").append(HEADING.format(Instant.now())).append("\n\n");
		md.append("- Command: `./mvnw -q -Pbench test-compile exec:exec -Dbench.main=app.chorus.bench.InboxQueries "
				+ "-Dbench.items=" + items + "`\n");
		md.append("- Machine: ").append(Machine.describe()).append('\n');
		md.append(String.format(Locale.ROOT, "- %,d items in one workspace (%s with indexes), %s; %d requests of "
				+ "each kind one after another through the API (token, loopback), after 10 not measured%n", count,
				size, fill, ROUNDS));
		md.append("\n| request | p50 | p95 | p99 |\n|---|---|---|---|\n");
		timings.forEach((name, t) -> md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", name, ms(t, 50),
				ms(t, 95), ms(t, 99))));
		md.append("\n- Target (every list and search p95 under 50 ms): **").append(met ? "met" : "missed")
			.append("**\n");
		System.out.println(md);
		Files.writeString(report, md, StandardOpenOption.APPEND);
		say("Appended to %s", report.toAbsolutePath());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String ms(List<Long> micros, int percentile) {
		return String.format(Locale.ROOT, "%.1f ms", InboxIngest.percentile(micros, percentile) / 1000.0);
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.0f s", duration.toMillis() / 1000.0);
	}

	private static void say(String format, Object... args) {
		System.out.printf("[bench] " + format + "%n", args);
	}
}
