package app.chorus.shared.database;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM on this machine, running one of the small main classes of this package (or Chorus itself) with the
 * test class path: it plays "another Chorus process". Its output (stdout and stderr) goes to a file, so a chatty child
 * never blocks on a full pipe. Every wait has a time limit; {@link #close()} kills whatever is left.
 */
public final class ChildJvm implements AutoCloseable {

	private final Process process;
	private final Path output;

	private ChildJvm(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	public static ChildJvm start(Path output, Class<?> mainClass, String... args) throws IOException {
		return start(output, List.of(), mainClass, args);
	}

	/** As {@link #start(Path, Class, String...)}, with options for the child's JVM (a heap limit, say). */
	public static ChildJvm start(Path output, List<String> jvmOptions, Class<?> mainClass, String... args)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElseThrow());
		command.add("-Xshare:auto");
		command.add("-XX:TieredStopAtLevel=1");
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		return new ChildJvm(process, output);
	}

	public long pid() {
		return process.pid();
	}

	/** Waits for the child to end by itself and returns its exit code; a child that does not is killed. */
	public int awaitExit(Duration timeout) throws InterruptedException {
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
			fail("The child JVM did not exit within " + timeout + "; its output:\n" + output());
		}
		return process.exitValue();
	}

	/** Waits until the child prints the marker; fails (with its output) when it exits first or takes too long. */
	public void awaitOutput(String marker, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!output().contains(marker)) {
			if (!process.isAlive()) {
				fail("The child JVM exited with code " + process.exitValue() + " before printing " + marker
						+ "; its output:\n" + output());
			}
			if (System.nanoTime() > deadline) {
				fail("The child JVM did not print " + marker + " within " + timeout + "; its output:\n" + output());
			}
			Thread.sleep(100);
		}
	}

	/** kill -9: the JVM gets no chance to run shutdown hooks or stop anything it started. */
	public void killForcibly() throws InterruptedException {
		process.destroyForcibly();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			fail("The child JVM (pid " + process.pid() + ") survived SIGKILL for 30 seconds");
		}
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	public String output() {
		try {
			return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
		}
		catch (IOException e) {
			return "(could not read " + output + ": " + e.getMessage() + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}
}
