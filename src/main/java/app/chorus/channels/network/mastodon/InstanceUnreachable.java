package app.chorus.channels.network.mastodon;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** No answer from the instance: the name did not resolve, the connection was refused, or it timed out. */
final class InstanceUnreachable extends RuntimeException {

	private final boolean timedOut;

	InstanceUnreachable(String message, Throwable cause) {
		super(message, cause);
		this.timedOut = causedBy(cause, HttpTimeoutException.class) || causedBy(cause, SocketTimeoutException.class);
	}

	/** It answered too slowly, or the connection could not be made in time: it may well work later. */
	boolean timedOut() {
		return timedOut;
	}

	/** Nobody is there: the name does not resolve or nothing accepts connections (not a timeout). */
	boolean nobodyThere() {
		Throwable cause = getCause();
		return !timedOut && (causedBy(cause, UnknownHostException.class) || causedBy(cause, ConnectException.class)
				|| causedBy(cause, NoRouteToHostException.class) || causedBy(cause, UnresolvedAddressException.class));
	}

	private static boolean causedBy(Throwable throwable, Class<? extends Throwable> type) {
		for (Throwable t = throwable; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}
}
