package app.chorus.bench;

import java.io.IOException;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import app.chorus.ChorusApplication;
import app.chorus.channels.internal.ChannelService;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.internal.PostService;
import app.chorus.shared.audit.AuditActor;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;

/**
 * The publish burst: N posts on M Bluesky channels (each post on one channel, round the channels), all due at the same
 * instant or spread evenly over a minute ({@code bench.spread}), published by one Chorus with its embedded PostgreSQL to a {@link RecordingPds} on loopback. A post's
 * lateness is when its record reached the PDS minus when it was due. Also counted: duplicates (a post written under a
 * second record key, or two posts under one key), resends of the same record (the idempotency key at work), posts
 * lost (never written before the timeout), and throughput. The figures are printed and appended to BENCHMARKS.md.
 * <p>
 * Chorus runs in this JVM with the settings it ships with; {@code bench.args} adds command-line settings
 * ({@code --db-scheduler.threads=40}) for trying others. See bench/README.md for the command and every property.
 */
public final class PublishBurst {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);
	private static final DateTimeFormatter HEADING = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);
	/** Posts and channels are made by this many clients at once; how long that takes is not measured. */
	private static final int MAKERS = 8;

	private final int posts = Integer.getInteger("bench.posts", 1000);
	private final int channels = Integer.getInteger("bench.channels", 50);
	/** How far ahead the posts are due: a minute, or longer when making them takes longer (about 10 ms a post). */
	private final Duration lead = System.getProperty("bench.lead", "auto").equals("auto")
			? Duration.ofSeconds(Math.max(60, posts / 50)) : Duration.parse(System.getProperty("bench.lead"));
	private final Duration timeout = Duration.parse(System.getProperty("bench.timeout", "PT5M"));
	/**
	 * How the due times are spread: zero puts every post at the same instant; {@code PT60S} spreads them evenly over
	 * one minute (post i due at start + i/N of it).
	 */
	private final Duration spread = Duration.parse(System.getProperty("bench.spread", "PT0S"));
	/** Posts published (and not measured) before the burst, so that the burst meets a warmed-up server. */
	private final int warmup = Integer.getInteger("bench.warmup", 0);
	private final String extraArgs = System.getProperty("bench.args", "").strip();
	private final Path report = Path.of(System.getProperty("bench.report", "BENCHMARKS.md"));
	private final String run = STAMP.format(Instant.now());

	private PublishBurst() {
	}

	public static void main(String[] args) {
		int status = 0;
		try {
			new PublishBurst().measure();
		}
		catch (Exception | Error e) {
			e.printStackTrace();
			status = 1;
		}
		// the embedded server's and HTTP clients' threads would otherwise keep the JVM up
		System.exit(status);
	}

	private void measure() throws Exception {
		if (posts < 1 || channels < 1 || channels > posts) {
			throw new IllegalArgumentException("need 1 <= bench.channels <= bench.posts");
		}
		Path data = Path.of("target", "bench", "publish-burst-" + run).toAbsolutePath();
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
				burst(chorus, pds, data);
			}
			finally {
				chorus.close();
			}
		}
		finally {
			deleteQuietly(data);
		}
	}

	private void burst(ConfigurableApplicationContext chorus, RecordingPds pds, Path data) throws Exception {
		TestWorld world = chorus.getBean(TestWorld.class);
		ChannelService channelService = chorus.getBean(ChannelService.class);
		PostService postService = chorus.getBean(PostService.class);
		JdbcClient jdbc = JdbcClient.create(chorus.getBean(DataSource.class));
		Membership workspace = world.workspace("bench");
		UserAccount owner = world.owner(workspace);
		AuditActor who = AuditActor.user(owner.id(), owner.email());

		say("Connecting %d channels", channels);
		List<UUID> channelIds = inParallel(channels, i -> channelService.connectWithAppPassword(workspace, who,
				NetworkKey.BLUESKY, pds.url(), "bench-" + i + ".test", "abcd-efgh-ijkl-mnop").channel().id().value());

		if (warmup > 0) {
			say("Warming up: publishing %d posts first, not measured", warmup);
			inParallel(warmup, i -> postService.create(workspace, who, new PostService.Draft(warmupText(i),
					List.of(channelIds.get(i % channels)), List.of(), null, true), null).post().id());
			Instant until = Instant.now().plus(timeout);
			while ((pds.distinctTexts() < warmup
					|| jdbc.sql("select count(*) from event_publication").query(Long.class).single() > 0)
					&& Instant.now().isBefore(until)) {
				Thread.sleep(250);
			}
		}
		Instant due = Instant.now().plus(lead).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		say(spread.isZero() ? "Making %d posts, all due at %s" : "Making %d posts, due from %s over " + spread, posts,
				due);
		Instant makingStarted = Instant.now();
		inParallel(posts, i -> postService.create(workspace, who, new PostService.Draft(text(i),
				List.of(channelIds.get(i % channels)), List.of(), dueOf(due, i), false), null).post().id());
		Duration making = Duration.between(makingStarted, Instant.now());
		boolean madeInTime = Instant.now().isBefore(due);
		say("Made in %s%s", seconds(making), madeInTime ? "" : " -- AFTER the due time: raise bench.lead");
		while (Instant.now().isBefore(due.minusMillis(200))) {
			Thread.sleep(100);
		}
		long backlog = jdbc.sql("select count(*) from event_publication").query(Long.class).single();
		long commitsBefore = commits(jdbc);
		Map<String, long[]> tablesBefore = tableActivity(jdbc);

		Instant deadline = due.plus(spread).plus(timeout);
		LoadDuringBurst load = new LoadDuringBurst(chorus.getBean(DataSource.class), data, posts);
		while (pds.distinctTexts() < warmup + posts && Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
			load.sample();
		}
		long backlogAfter = jdbc.sql("select count(*) from event_publication").query(Long.class).single();
		// a late second write of a post would still show up here
		Thread.sleep(3000);
		double commitsPerPost = (commits(jdbc) - commitsBefore) / (double) posts;
		printTableActivity(tablesBefore, tableActivity(jdbc));

		Result result = result(pds.writes(), due);
		Map<String, Long> variants = new TreeMap<>();
		jdbc.sql("select status, count(*) from publishing.variants group by status")
			.query(rs -> {
				variants.put(rs.getString(1), rs.getLong(2));
			});
		long attempts = jdbc.sql("select count(*) from publishing.attempts").query(Long.class).single();
		String settings = settings(chorus);
		printAndAppend(result, due, making, madeInTime, backlog, variants, attempts, settings,
				load + String.format(Locale.ROOT, "; %.1f database commits per post; %d audit/notification events "
						+ "still queued when the last post had arrived", commitsPerPost, backlogAfter));
	}

	private static long commits(JdbcClient jdbc) {
		return jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()")
			.query(Long.class).single();
	}

	/** Per table: rows inserted, updated, deleted, sequential scans, index scans (PostgreSQL's counters). */
	private static Map<String, long[]> tableActivity(JdbcClient jdbc) {
		Map<String, long[]> tables = new TreeMap<>();
		jdbc.sql("""
				select schemaname || '.' || relname, n_tup_ins, n_tup_upd, n_tup_del, seq_scan,
				    coalesce(idx_scan, 0) from pg_stat_user_tables""")
			.query(rs -> {
				tables.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6) });
			});
		return tables;
	}

	/** Where the database work went, for finding the bottleneck; printed only. */
	private void printTableActivity(Map<String, long[]> before, Map<String, long[]> after) {
		say("Database work per post while publishing (inserts, updates, deletes, sequential scans, index scans):");
		after.forEach((table, counts) -> {
			long[] was = before.getOrDefault(table, new long[5]);
			double[] perPost = new double[5];
			boolean any = false;
			for (int i = 0; i < 5; i++) {
				perPost[i] = (counts[i] - was[i]) / (double) posts;
				any |= perPost[i] >= 0.01;
			}
			if (any) {
				say("  %-40s %5.2f %5.2f %5.2f %5.2f %5.2f", table, perPost[0], perPost[1], perPost[2], perPost[3],
						perPost[4]);
			}
		});
	}

	/** When post i is due: the start, plus its share of the spread. */
	private Instant dueOf(Instant start, int i) {
		return start.plusMillis(spread.toMillis() * i / posts);
	}

	private String text(int i) {
		return "Burst post " + i + " of " + posts + ", run " + run;
	}

	private String warmupText(int i) {
		return "Warm-up post " + i + ", run " + run;
	}

	record Result(List<Long> latenessMillis, int written, int distinctRecords, int resends, int duplicates, int lost,
			Map<Long, Integer> perSecond, Instant first, Instant last) {
	}

	private Result result(List<RecordingPds.Write> writes, Instant due) {
		Map<String, Set<String>> keysOfText = new HashMap<>();
		Map<String, Set<String>> textsOfKey = new HashMap<>();
		Map<String, Instant> firstArrival = new HashMap<>();
		Map<Long, Integer> perSecond = new TreeMap<>();
		for (RecordingPds.Write write : writes) {
			String key = write.repo() + "/" + write.rkey();
			keysOfText.computeIfAbsent(write.text(), t -> new HashSet<>()).add(key);
			textsOfKey.computeIfAbsent(key, k -> new HashSet<>()).add(write.text());
			firstArrival.merge(write.text(), write.arrived(), (a, b) -> a.isBefore(b) ? a : b);
		}
		List<Long> lateness = new ArrayList<>();
		int lost = 0;
		for (int i = 0; i < posts; i++) {
			Instant arrived = firstArrival.get(text(i));
			if (arrived == null) {
				lost++;
			}
			else {
				lateness.add(Duration.between(dueOf(due, i), arrived).toMillis());
				perSecond.merge(Math.floorDiv(Duration.between(due, arrived).toMillis(), 1000), 1, Integer::sum);
			}
		}
		List<RecordingPds.Write> measured = writes.stream().filter(w -> !w.text().startsWith("Warm-up")).toList();
		Collections.sort(lateness);
		int duplicates = keysOfText.values().stream().mapToInt(keys -> keys.size() - 1).sum()
				+ textsOfKey.values().stream().mapToInt(texts -> texts.size() - 1).sum();
		Instant first = measured.stream().map(RecordingPds.Write::arrived).min(Instant::compareTo).orElse(due);
		Instant last = measured.stream().map(RecordingPds.Write::arrived).max(Instant::compareTo).orElse(due);
		long distinctMeasured = measured.stream().map(w -> w.repo() + "/" + w.rkey()).distinct().count();
		return new Result(lateness, measured.size(), (int) distinctMeasured, (int) (measured.size() - distinctMeasured),
				duplicates, lost, perSecond, first, last);
	}

	private static String settings(ConfigurableApplicationContext chorus) {
		Environment env = chorus.getEnvironment();
		DataSource dataSource = chorus.getBean(DataSource.class);
		String pool = dataSource instanceof HikariDataSource hikari ? String.valueOf(hikari.getMaximumPoolSize())
				: "?";
		return String.format(Locale.ROOT, "db-scheduler %s threads, %s polling every %s (lower %s, upper %s x threads), "
				+ "immediate execution %s; connection pool %s; embedded PostgreSQL durable=%s",
				env.getProperty("db-scheduler.threads"), env.getProperty("db-scheduler.polling-strategy"),
				env.getProperty("db-scheduler.polling-interval"),
				env.getProperty("db-scheduler.polling-strategy-lower-limit-fraction-of-threads"),
				env.getProperty("db-scheduler.polling-strategy-upper-limit-fraction-of-threads"),
				env.getProperty("db-scheduler.immediate-execution-enabled"), pool,
				env.getProperty("chorus.db.embedded.durable", "true"));
	}

	private void printAndAppend(Result r, Instant due, Duration making, boolean madeInTime, long backlog,
			Map<String, Long> variants, long attempts, String settings, String load) throws IOException {
		Duration span = Duration.between(dueOf(due, posts - 1), r.last());
		double throughput = r.distinctRecords() / Math.max(0.001, Duration.between(r.first(), r.last()).toMillis() / 1000.0);
		boolean met = r.lost() == 0 && r.duplicates() == 0 && !r.latenessMillis().isEmpty()
				&& percentile(r.latenessMillis(), 99) < 1000;
		String machine = Machine.describe();
		String command = "./mvnw -q -Pbench test-compile exec:exec -Dbench.posts=" + posts + " -Dbench.channels="
				+ channels + (System.getProperty("bench.lead", "auto").equals("auto") ? "" : " -Dbench.lead=" + lead)
				+ (spread.isZero() ? "" : " -Dbench.spread=" + spread)
				+ (warmup == 0 ? "" : " -Dbench.warmup=" + warmup)
				+ (extraArgs.isEmpty() ? "" : " '-Dbench.args=" + extraArgs + "'");
		StringBuilder md = new StringBuilder();
		md.append("\n## Publish burst, ").append(HEADING.format(Instant.now())).append("\n\n");
		md.append("- Command: `").append(command).append("`\n");
		md.append("- Machine: ").append(machine).append('\n');
		md.append("- Chorus: ").append(settings).append('\n');
		md.append(warmup == 0 ? "- Cold: the burst is the first work this Chorus does\n"
				: "- Warm: " + warmup + " posts were published first (not measured)\n");
		md.append(String.format(Locale.ROOT, "- %d posts on %d channels, %s %s ahead; made in "
				+ "%s (not measured)%s; %d audit/notification events still queued at the due time%n", posts, channels,
				spread.isZero() ? "all due at the same instant"
						: "due evenly over " + seconds(spread) + " (the same minute) from", seconds(lead), seconds(making), madeInTime ? "" : ", **finishing after the due time, so the figures are not valid**",
				backlog));
		md.append("\n| lateness p50 | p95 | p99 | max | earliest | last record after the last due time | throughput | duplicates "
				+ "| resends (same key) | lost |\n|---|---|---|---|---|---|---|---|---|---|\n");
		md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.0f posts/s | %d | %d | %d |%n",
				ms(r, 50), ms(r, 95), ms(r, 99), ms(r, 100), r.latenessMillis().isEmpty() ? "-"
						: seconds(Duration.ofMillis(r.latenessMillis().getFirst())), seconds(span), throughput,
				r.duplicates(), r.resends(), r.lost()));
		md.append(String.format(Locale.ROOT, "%n- While publishing: %s%n", load));
		md.append(String.format(Locale.ROOT, "- Variants afterwards: %s; %d attempts in all%n", variants, attempts));
		md.append("- Target (p99 under 1 s, no duplicates, none lost): **").append(met ? "met" : "missed")
			.append("**\n");
		System.out.println(md);
		System.out.println("Records arriving per second after the due time: " + r.perSecond());
		if (!Files.exists(report)) {
			Files.writeString(report, "# Benchmarks\n\nFigures measured on the project's own machines, newest last; "
					+ "each section names the command that reproduces it. See bench/README.md.\n");
		}
		Files.writeString(report, md, StandardOpenOption.APPEND);
		say("Appended to %s", report.toAbsolutePath());
	}

	private static String ms(Result r, int percentile) {
		return r.latenessMillis().isEmpty() ? "-" : seconds(Duration.ofMillis(percentile(r.latenessMillis(), percentile)));
	}

	/** Nearest rank. */
	private static long percentile(List<Long> sorted, int percentile) {
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
	}

	private interface Making<T> {
		T make(int i) throws Exception;
	}

	private static <T> List<T> inParallel(int count, Making<T> making) throws Exception {
		ExecutorService makers = Executors.newFixedThreadPool(MAKERS);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				futures.add(makers.submit((Callable<T>) () -> making.make(n)));
			}
			List<T> made = new ArrayList<>();
			for (Future<T> future : futures) {
				made.add(future.get());
			}
			return made;
		}
		finally {
			makers.shutdownNow();
		}
	}

	private static void say(String format, Object... args) {
		System.out.printf("[bench] " + format + "%n", args);
	}

	private static void deleteQuietly(Path folder) {
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
