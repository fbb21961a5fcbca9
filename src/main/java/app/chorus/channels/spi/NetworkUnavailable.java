package app.chorus.channels.spi;

/** The network could not be reached, timed out, or answered with a server error: try again later; nothing is lost. */
public class NetworkUnavailable extends RuntimeException {

	public NetworkUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

	public NetworkUnavailable(String message) {
		super(message);
	}
}
