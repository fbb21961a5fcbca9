package app.chorus.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/** CPU and connection-pool use, sampled while the burst is sent. */
final class LoadDuringBurst {

	private final HikariDataSource pool;
	private final Path dataFolder;
	private final Instant started = Instant.now();
	private final Duration cpuAtStart;
	private final double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	private Duration cpuUsed = Duration.ZERO;
	private Duration wall = Duration.ZERO;
	private int samples;
	private double cpu;
	private long active;
	private int waitingMax;

	private final int posts;
	private final String unit;

	LoadDuringBurst(DataSource dataSource, Path dataFolder, int posts) {
		this(dataSource, dataFolder, posts, "post");
	}

	/** @param unit what is counted, for the report ("post", "item") */
	LoadDuringBurst(DataSource dataSource, Path dataFolder, int posts, String unit) {
		this.posts = posts;
		this.unit = unit;
		this.dataFolder = dataFolder;
		this.cpuAtStart = chorusCpu();
		this.pool = dataSource instanceof HikariDataSource hikari ? hikari : null;
	}

	/**
	 * CPU time of this JVM and of the embedded PostgreSQL: its postmaster (named in its pid file; pg_ctl started it,
	 * so it is no child of this JVM) and the postmaster's backends.
	 */
	private Duration chorusCpu() {
		Stream<ProcessHandle> postgres = Stream.empty();
		try {
			long pid = Long.parseLong(Files.readAllLines(dataFolder.resolve("postgres").resolve("postmaster.pid"))
				.getFirst().strip());
			postgres = ProcessHandle.of(pid).stream().flatMap(p -> Stream.concat(Stream.of(p), p.descendants()));
		}
		catch (IOException | RuntimeException e) {
			// no embedded server (an external database): this JVM alone
		}
		return Stream.concat(Stream.of(ProcessHandle.current()), postgres)
			.map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
	}

	void sample() {
		cpuUsed = chorusCpu().minus(cpuAtStart);
		wall = Duration.between(started, Instant.now());
		samples++;
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			cpu += Math.max(0, os.getCpuLoad());
		}
		if (pool != null && pool.getHikariPoolMXBean() != null) {
			active += pool.getHikariPoolMXBean().getActiveConnections();
			waitingMax = Math.max(waitingMax, pool.getHikariPoolMXBean().getThreadsAwaitingConnection());
		}
	}

	@Override
	public String toString() {
		int n = Math.max(1, samples);
		int cores = Runtime.getRuntime().availableProcessors();
		double chorusCores = cpuUsed.toMillis() / (double) Math.max(1, wall.toMillis());
		return String.format(Locale.ROOT, "machine CPU %.0f%% on average, of which Chorus and its PostgreSQL %.2f "
				+ "of the %d cores (%.1f ms of CPU per %s) and other processes the rest (load average %.1f when "
				+ "the burst began); connections in use %.1f on average, at most %d threads waiting for one",
				100 * cpu / n, chorusCores, cores, cpuUsed.toMillis() / (double) posts, unit, loadAtStart,
				(double) active / n, waitingMax);
	}
}
