package app.chorus.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.chorus.ChorusApplication;
import app.chorus.channels.internal.ChannelService;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.AuditActor;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inbox ingestion end to end: people mention M Bluesky channels at a steady rate (R notifications a second, spread
 * round the channels, for a while), a {@link RecordingPds} on loopback serves them through
 * {@code listNotifications}, Chorus reads them on its own schedule through the Bluesky adapter, and a client follows
 * the workspace's live inbox ({@code GET /api/v1/inbox/stream}). Each item's latency runs from the moment the page that
 * carried it left the PDS (the adapter's page in) until the live client was told about it (deduplicated, classified,
 * stored, committed, signalled); throughput is items a second while the feed ran, and whether Chorus kept up is
 * seen in how long after the feed stopped the last item arrived. Duplicates and losses are counted. The figures are
 * printed and appended to BENCHMARKS.md; see bench/README.md.
 */
public final class InboxIngest {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);
	private static final DateTimeFormatter HEADING = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	/** Seconds into the feed from which the live client's count is the pipeline's rate (the first items are through). */
	private static final int FILLED = 5;
	/** How many different people write. */
	private static final int AUTHORS = 5000;

	private final int rate = Integer.getInteger("bench.rate", 2000);
	private final int channels = Integer.getInteger("bench.channels", 100);
	private final Duration duration = Duration.parse(System.getProperty("bench.duration", "PT60S"));
	private final Duration warmup = Duration.parse(System.getProperty("bench.warmupTime", "PT15S"));
	private final Duration timeout = Duration.parse(System.getProperty("bench.timeout", "PT5M"));
	private final String extraArgs = System.getProperty("bench.args", "").strip();
	private final Path report = Path.of(System.getProperty("bench.report", "BENCHMARKS.md"));
	private final String run = STAMP.format(Instant.now());
	private final List<String> texts = texts();
	private final AtomicLong counter = new AtomicLong();

	private InboxIngest() throws IOException {
	}

	public static void main(String[] args) {
		int status = 0;
		try {
			new InboxIngest().measure();
		}
		catch (Exception | Error e) {
			e.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	/** The labelled sample sentences (English, Danish, Korean, Nepali), which the feed goes round. */
	private static List<String> texts() throws IOException {
		{
			List<String> texts = new ArrayList<>();
			for (String line : Files.readAllLines(NlpAccuracy.SAMPLES, StandardCharsets.UTF_8)) {
				String[] fields = line.split("\t");
				if (!line.startsWith("#") && fields.length == 3) {
					texts.add(fields[2].strip());
				}
			}
			return texts;
		}
	}

	private void measure() throws Exception {
		Path data = Path.of("target", "bench", "inbox-ingest-" + run).toAbsolutePath();
		try (RecordingPds pds = RecordingPds.start()) {
			List<String> args = new ArrayList<>(List.of("--chorus.data-dir=" + data, "--server.port=0",
					"--chorus.base-url=http://localhost"));
			if (!extraArgs.isEmpty()) {
				args.addAll(Arrays.asList(extraArgs.split("\\s+")));
			}
			say("Starting Chorus (data in %s)%s", data, extraArgs.isEmpty() ? "" : " with " + extraArgs);
			ConfigurableApplicationContext chorus = SpringApplication.run(ChorusApplication.class,
					args.toArray(String[]::new));
			try {
				ingest(chorus, pds, data);
			}
			finally {
				chorus.close();
			}
		}
		finally {
			deleteQuietly(data);
		}
	}

	/** What the live client was told: when each item's signal arrived. */
	private static final class LiveClient implements AutoCloseable {

		final Map<UUID, Instant> told = new ConcurrentHashMap<>();
		private final Thread reader;
		private volatile InputStream body;

		LiveClient(String url, String token) throws Exception {
			HttpClient client = HttpClient.newHttpClient();
			HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("the live inbox answered " + response.statusCode());
			}
			body = response.body();
			reader = Thread.ofPlatform().daemon().name("live-client").start(this::read);
		}

		private void read() {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
				String event = null;
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith("event:")) {
						event = line.substring(6).strip();
					}
					else if (line.startsWith("data:") && "item".equals(event)) {
						Instant now = Instant.now();
						JsonNode signal = JSON.readTree(line.substring(5));
						told.putIfAbsent(UUID.fromString(signal.path("itemId").asString()), now);
					}
					else if (line.isEmpty()) {
						event = null;
					}
				}
			}
			catch (IOException e) {
				// closed
			}
		}

		@Override
		public void close() throws IOException {
			body.close();
			reader.interrupt();
		}
	}

	private void ingest(ConfigurableApplicationContext chorus, RecordingPds pds, Path data) throws Exception {
		TestWorld world = chorus.getBean(TestWorld.class);
		ChannelService channelService = chorus.getBean(ChannelService.class);
		DataSource dataSource = chorus.getBean(DataSource.class);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		Membership workspace = world.workspace("bench");
		UserAccount owner = world.owner(workspace);
		AuditActor who = AuditActor.user(owner.id(), owner.email());
		String token = world.token(owner, workspace);
		String port = chorus.getEnvironment().getProperty("local.server.port");

		say("Connecting %d channels", channels);
		List<String> dids = new ArrayList<>();
		for (int i = 0; i < channels; i++) {
			channelService.connectWithAppPassword(workspace, who, NetworkKey.BLUESKY, pds.url(), "bench-" + i + ".test",
					"abcd-efgh-ijkl-mnop");
			dids.add(pds.did("bench-" + i + ".test"));
		}
		List<String> authors = new ArrayList<>();
		for (int i = 0; i < AUTHORS; i++) {
			authors.add("did:plc:fan" + String.format(Locale.ROOT, "%021d", i));
		}

		// a channel's first read starts from its newest page (a new channel does not import its whole history), so
		// the feed starts once every channel has been read once
		say("Waiting for every channel's first read");
		Instant firstReads = Instant.now().plus(timeout);
		while (jdbc.sql("select count(*) from inbox.channel_states where workspace_id = ?"
				+ " and last_success_at is not null")
			.param(workspace.workspaceId().value()).query(Long.class).single() < channels) {
			if (Instant.now().isAfter(firstReads)) {
				throw new IllegalStateException("not every channel was read within " + seconds(timeout));
			}
			Thread.sleep(250);
		}

		try (LiveClient live = new LiveClient("http://localhost:" + port + "/api/v1/inbox/stream", token)) {
			if (!warmup.isZero()) {
				say("Warming up for %s at %d items/s (not measured)", seconds(warmup), rate);
				feed(pds, dids, authors, warmup, "w");
				waitFor(jdbc, workspace, counter.get(), Instant.now().plus(timeout));
			}
			long before = counter.get();
			Map<String, Instant> servedBefore = pds.firstServed();
			long commitsBefore = commits(jdbc);
			long pagesBefore = pds.pagesServed();
			say("Feeding %d items/s round %d channels for %s", rate, channels, seconds(duration));
			LoadDuringBurst load = new LoadDuringBurst(dataSource, data, (int) (rate * duration.toSeconds()), "item");
			Instant started = Instant.now();
			Map<String, Instant> fed = feed(pds, dids, authors, duration, "m", load);
			Instant stopped = Instant.now();
			long total = counter.get();
			waitFor(jdbc, workspace, total, Instant.now().plus(timeout));
			Thread.sleep(2000);
			double commitsPerItem = (commits(jdbc) - commitsBefore) / (double) fed.size();
			long pages = pds.pagesServed() - pagesBefore;
			Map<String, UUID> itemOfUri = new HashMap<>();
			jdbc.sql("select id, remote_id from inbox.items where workspace_id = ?").param(workspace.workspaceId()
				.value()).query(rs -> {
					itemOfUri.put(rs.getString(2), rs.getObject(1, UUID.class));
				});
			long stored = jdbc.sql("select count(*) from inbox.items where workspace_id = ?")
				.param(workspace.workspaceId().value()).query(Long.class).single();
			Map<String, Instant> served = pds.firstServed();
			List<Long> latency = new ArrayList<>();
			Map<Long, Integer> perSecond = new TreeMap<>();
			int lost = 0;
			int untold = 0;
			Instant lastTold = started;
			for (String uri : fed.keySet()) {
				UUID item = itemOfUri.get(uri);
				Instant pageIn = served.get(uri);
				if (item == null || pageIn == null) {
					lost++;
					continue;
				}
				Instant toldAt = live.told.get(item);
				if (toldAt == null) {
					untold++;
					continue;
				}
				latency.add(Duration.between(pageIn, toldAt).toMillis());
				perSecond.merge(Duration.between(started, toldAt).toSeconds(), 1, Integer::sum);
				lastTold = toldAt.isAfter(lastTold) ? toldAt : lastTold;
			}
			Collections.sort(latency);
			long duplicates = stored - itemOfUri.size();
			long fromFeed = Duration.between(fed.values().stream().min(Instant::compareTo).orElse(started),
					fed.values().stream().max(Instant::compareTo).orElse(stopped)).toMillis();
			double overall = latency.size() / Math.max(0.001, Duration.between(started, lastTold).toMillis() / 1000.0);
			// while feeding, from when the first items are through (the pipeline filled) until the feed stopped
			long feeding = Duration.between(started, stopped).toSeconds();
			long toldWhileFeeding = perSecond.entrySet().stream()
				.filter(second -> second.getKey() >= FILLED && second.getKey() < feeding)
				.mapToLong(Map.Entry::getValue).sum();
			double throughput = toldWhileFeeding / (double) Math.max(1, feeding - FILLED);
			Duration cadence = chorus.getEnvironment().getProperty("chorus.inbox.poll-interval", Duration.class,
					Duration.ofSeconds(30));
			printAndAppend(fed.size(), total - before, latency, duplicates, lost, untold, throughput, overall,
					Duration.between(stopped, lastTold), cadence, fromFeed, pages, commitsPerItem, load.toString(),
					perSecond, servedBefore.size());
		}
	}

	private Map<String, Instant> feed(RecordingPds pds, List<String> dids, List<String> authors, Duration length,
			String prefix) throws InterruptedException {
		return feed(pds, dids, authors, length, prefix, null);
	}

	/**
	 * Adds notifications at {@link #rate} a second for {@code length}, round the channels.
	 * @return when each was added, by uri
	 */
	private Map<String, Instant> feed(RecordingPds pds, List<String> dids, List<String> authors, Duration length,
			String prefix, LoadDuringBurst load) throws InterruptedException {
		Map<String, Instant> fed = new HashMap<>();
		Instant start = Instant.now();
		Instant end = start.plus(length);
		long made = 0;
		long lastSample = 0;
		while (Instant.now().isBefore(end)) {
			long due = Duration.between(start, Instant.now()).toMillis() * rate / 1000;
			for (; made < due; made++) {
				long n = counter.incrementAndGet();
				String rkey = prefix + Long.toString(n, 36) + "x" + run.replace("-", "");
				String text = texts.get((int) (n % texts.size())) + " #" + n;
				String uri = pds.notify(dids.get((int) (n % dids.size())), authors.get((int) (n * 7919 % authors.size())),
						rkey, text);
				fed.put(uri, Instant.now());
			}
			if (load != null && made - lastSample >= rate / 4) {
				load.sample();
				lastSample = made;
			}
			Thread.sleep(5);
		}
		return fed;
	}

	private void waitFor(JdbcClient jdbc, Membership workspace, long items, Instant until) throws InterruptedException {
		while (Instant.now().isBefore(until)) {
			long stored = jdbc.sql("select count(*) from inbox.items where workspace_id = ?")
				.param(workspace.workspaceId().value()).query(Long.class).single();
			if (stored >= items) {
				return;
			}
			Thread.sleep(250);
		}
		say("Timed out waiting for %d items", items);
	}

	private static long commits(JdbcClient jdbc) {
		return jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()")
			.query(Long.class).single();
	}

	/**
	 * Prints and appends the figures. Sustained throughput is what the live client was told a second while the feed
	 * ran, from second {@value #FILLED} (when the first items are through) until it stopped: a pipeline that falls
	 * behind tells fewer than are fed. Items told after the feed stopped are the pipeline's last items in flight: the
	 * last one comes up to a poll interval plus its latency later, so keeping up means a tail within the channels' poll
	 * interval and two seconds. (Items told a second from the feed's start to the last item told, printed beside it,
	 * is always below the feed rate by the tail's share, and cannot show whether the rate was sustained.)
	 */
	private void printAndAppend(int fed, long counted, List<Long> latency, long duplicates, int lost, int untold,
			double throughput, double overall, Duration tail, Duration cadence, long feedMillis, long pages,
			double commitsPerItem, String load, Map<Long, Integer> perSecond, int warmupItems) throws IOException {
		boolean keptUp = tail.compareTo(cadence.plusSeconds(2)) <= 0;
		boolean met = lost == 0 && duplicates == 0 && untold == 0 && !latency.isEmpty()
				&& percentile(latency, 99) < 500 && rate >= 2000 && throughput >= rate * 0.99 && keptUp;
		String command = "./mvnw -q -Pbench test-compile exec:exec -Dbench.main=app.chorus.bench.InboxIngest"
				+ " -Dbench.rate=" + rate + " -Dbench.channels=" + channels + " -Dbench.duration=" + duration
				+ " -Dbench.warmupTime=" + warmup + (extraArgs.isEmpty() ? "" : " '-Dbench.args=" + extraArgs + "'");
		StringBuilder md = new StringBuilder();
		md.append("\n## Inbox ingestion, ").append(HEADING.format(Instant.now())).append("\n\n");
		md.append("- Command: `").append(command).append("`\n");
		md.append("- Machine: ").append(Machine.describe()).append('\n');
		md.append(String.format(Locale.ROOT, "- %d mentions fed at %d/s round %d Bluesky channels for %s (%d fed "
				+ "before, as warm-up, not measured); %d listNotifications pages served while measuring; %.1f database "
				+ "commits per item%n", fed, rate, channels, seconds(duration), warmupItems, pages, commitsPerItem));
		md.append("\n| latency page in → live client p50 | p95 | p99 | max | throughput while feeding | last item after "
				+ "the feed stopped | duplicates | lost | stored but not signalled |\n"
				+ "|---|---|---|---|---|---|---|---|---|\n");
		md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.0f items/s | %s (polls every %s) | %d | %d | %d |%n",
				ms(latency, 50), ms(latency, 95), ms(latency, 99), ms(latency, 100), throughput, seconds(tail),
				seconds(cadence), duplicates, lost, untold));
		md.append(String.format(Locale.ROOT, "%n- Throughput is what the live client was told a second from second %d of "
				+ "the feed until it stopped; from the feed's start to the last item told: %.0f items/s%n", FILLED,
				overall));
		md.append(String.format(Locale.ROOT, "%n- While feeding: %s%n", load));
		md.append("- Target (2,000 items/s sustained, p99 under 500 ms, none lost or doubled; kept up: the last item "
				+ "within the poll interval and two seconds): **")
			.append(met ? "met" : "missed").append("**\n");
		System.out.println(md);
		System.out.println("Items told to the live client per second of the run: " + perSecond);
		Files.writeString(report, md, StandardOpenOption.APPEND);
		say("Appended to %s", report.toAbsolutePath());
	}

	private static String ms(List<Long> sorted, int percentile) {
		return sorted.isEmpty() ? "-" : percentile(sorted, percentile) + " ms";
	}

	/** Nearest rank. */
	static long percentile(List<Long> sorted, int percentile) {
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
	}

	private static void say(String format, Object... args) {
		System.out.printf("[bench] " + format + "%n", args);
	}

	static void deleteQuietly(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException | RuntimeException e) {
			System.err.println("[bench] could not delete " + folder + ": " + e);
		}
	}
}
