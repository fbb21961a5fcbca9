package app.chorus.channels.spi;

/**
 * The access token expired before its time: renew the session ({@link SessionRefreshing}) and call again. The
 * credentials themselves were not refused.
 */
public class AccessTokenExpired extends NetworkUnavailable {

	public AccessTokenExpired(String message, Throwable cause) {
		super(message, cause);
	}
}
