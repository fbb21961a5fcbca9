package app.chorus.channels.network.bluesky;

import app.chorus.channels.spi.AccessTokenExpired;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.SessionRefreshing.ReauthorizationNeeded;

/**
 * What a failed XRPC call means for the capabilities that answer with exceptions (everything but publishing):
 * <ul>
 * <li>no answer, a server error, a rate limit (with its reset time), or an expired access token:
 * {@link NetworkUnavailable}, try again later (for the expired token: {@link AccessTokenExpired}, after refreshing
 * the session);</li>
 * <li>credentials refused for good (invalid token, account taken down): {@link ReauthorizationNeeded};</li>
 * <li>any other refusal (an unknown actor, a malformed URI): {@link IllegalArgumentException}.</li>
 * </ul>
 */
final class Failures {

	private Failures() {
	}

	static final String SESSION_EXPIRED = "Bluesky session expired: refresh the session and try again";

	static RuntimeException of(XrpcException failure) {
		if (failure.rateLimited()) {
			return new NetworkUnavailable("Bluesky rate limit: " + failure.getMessage(), failure.retryAt(), failure);
		}
		if (failure.transientFailure()) {
			return new NetworkUnavailable("Bluesky unavailable: " + failure.getMessage(), failure);
		}
		if (failure.expiredToken()) {
			return new AccessTokenExpired(SESSION_EXPIRED, failure);
		}
		if (failure.credentialsRefused()) {
			return new ReauthorizationNeeded("Bluesky refused the session: " + failure.getMessage());
		}
		return new IllegalArgumentException("Bluesky refused the request: " + failure.getMessage(), failure);
	}
}
