package app.chorus.channels.network.mastodon;

import java.time.Duration;

/** Waiting between polls of media the instance is still processing; tests wait without sleeping. */
@FunctionalInterface
interface Pause {

	void sleep(Duration duration) throws InterruptedException;

	static Pause threadSleep() {
		return Thread::sleep;
	}
}
