package app.chorus.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.chorus.ChorusApplication;
import app.chorus.shared.database.ChildJvm;

/**
 * Chorus as an operator runs it: a JVM of its own (started with the test class path), listening on a port it picks
 * itself, reached over HTTP like any other client. {@link #start} returns once the application reports itself ready;
 * {@link #kill()} is kill -9; {@link #close()} kills whatever is still running, so a failed test leaves no process.
 */
public final class ChorusProcess implements AutoCloseable {

	private static final Pattern LISTENING = Pattern.compile("Tomcat started on port (\\d+)");
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ChildJvm jvm;
	private final int port;

	private ChorusProcess(ChildJvm jvm, int port) {
		this.jvm = jvm;
		this.port = port;
	}

	/** Starts {@link ChorusApplication} with the settings ({@code chorus.data-dir} and so on) as arguments. */
	public static ChorusProcess start(Path log, Map<String, String> settings, Duration timeout) {
		return start(log, ChorusApplication.class, settings, timeout);
	}

	/**
	 * Starts a main class that runs Chorus (a test may add beans of its own that way) and waits until it is ready.
	 * The port is always chosen by the child ({@code server.port=0}) and read from its log.
	 */
	public static ChorusProcess start(Path log, Class<?> main, Map<String, String> settings, Duration timeout) {
		List<String> args = new ArrayList<>();
		args.add("--server.port=0");
		settings.forEach((name, value) -> args.add("--" + name + "=" + value));
		ChildJvm jvm;
		try {
			jvm = ChildJvm.start(log, List.of("-Xmx768m"), main, args.toArray(String[]::new));
		}
		catch (IOException e) {
			throw new IllegalStateException("could not start a JVM for " + main.getName(), e);
		}
		try {
			long deadline = System.nanoTime() + timeout.toNanos();
			int port = awaitPort(jvm, deadline, timeout);
			awaitReady(jvm, port, deadline, timeout);
			return new ChorusProcess(jvm, port);
		}
		catch (RuntimeException | Error e) {
			closeQuietly(jvm);
			throw e;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			closeQuietly(jvm);
			throw new IllegalStateException(e);
		}
	}

	private static int awaitPort(ChildJvm jvm, long deadline, Duration timeout) throws InterruptedException {
		while (true) {
			Matcher listening = LISTENING.matcher(jvm.output());
			if (listening.find()) {
				return Integer.parseInt(listening.group(1));
			}
			checkAlive(jvm, deadline, timeout, "open its port");
			Thread.sleep(100);
		}
	}

	private static void awaitReady(ChildJvm jvm, int port, long deadline, Duration timeout)
			throws InterruptedException {
		HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).GET().build();
		while (true) {
			try {
				if (HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not answering yet
			}
			checkAlive(jvm, deadline, timeout, "report itself ready");
			Thread.sleep(100);
		}
	}

	private static void checkAlive(ChildJvm jvm, long deadline, Duration timeout, String what) {
		if (!jvm.isAlive()) {
			fail("Chorus exited before it could " + what + "; its output:\n" + jvm.output());
		}
		if (System.nanoTime() > deadline) {
			fail("Chorus did not " + what + " within " + timeout + "; its output:\n" + jvm.output());
		}
	}

	public int port() {
		return port;
	}

	public Api api() {
		return new Api(port);
	}

	public long pid() {
		return jvm.pid();
	}

	public String output() {
		return jvm.output();
	}

	/** kill -9: no shutdown hook runs, nothing is finished or stopped. */
	public void kill() {
		try {
			jvm.killForcibly();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		closeQuietly(jvm);
	}

	private static void closeQuietly(ChildJvm jvm) {
		try {
			jvm.close();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
