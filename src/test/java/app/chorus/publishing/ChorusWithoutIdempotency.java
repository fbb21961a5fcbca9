package app.chorus.publishing;

import org.springframework.boot.SpringApplication;

import app.chorus.ChorusApplication;

/**
 * Chorus with {@link NetworkWithoutIdempotency} added, for tests that run it as a process of its own (the test class
 * path is its class path). Everything else is Chorus as shipped.
 */
public final class ChorusWithoutIdempotency {

	private ChorusWithoutIdempotency() {
	}

	public static void main(String[] args) {
		SpringApplication.run(new Class<?>[] { ChorusApplication.class, NetworkWithoutIdempotency.class }, args);
	}
}
