package app.chorus.channels.spi;

/** Renewing credentials before they expire. */
public interface SessionRefreshing {

	/**
	 * New credentials for the session.
	 * @throws ReauthorizationNeeded when the refresh token itself was refused: a person must connect again
	 * @throws NetworkUnavailable when the network could not be reached
	 */
	Credentials refresh(ChannelSession session);

	/** The refresh was refused for good (revoked, password changed, app password deleted). */
	class ReauthorizationNeeded extends RuntimeException {

		public ReauthorizationNeeded(String reason) {
			super(reason);
		}
	}
}
