package app.chorus.channels.network.bluesky;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An XRPC call that did not succeed: no answer (unreachable, timed out), an answer that is not XRPC, or an XRPC error
 * ({@code {"error": "...", "message": "..."}} with a status). The adapter turns it into the SPI's outcomes.
 */
final class XrpcException extends RuntimeException {

	enum Kind {
		/** Connection refused, unknown host, connection reset: nothing answered. */
		UNREACHABLE,
		/** Connecting or waiting for the answer took longer than the timeout. */
		TIMEOUT,
		/** Something answered, but not as an XRPC service does (an HTML page, a redirect, malformed JSON). */
		NOT_XRPC,
		/** An XRPC error answer. */
		ERROR
	}

	/** Errors that mean the credentials were refused, whatever the status they came with (400 or 401). */
	private static final Set<String> CREDENTIAL_ERRORS = Set.of("ExpiredToken", "InvalidToken",
			"AuthenticationRequired", "AuthMissing", "AccountTakedown", "AccountDeactivated", "InvalidTokenScope");

	private final String nsid;
	private final Kind kind;
	private final int status;
	private final @Nullable String error;
	private final @Nullable Instant retryAt;

	XrpcException(String nsid, Kind kind, int status, @Nullable String error, String message,
			@Nullable Instant retryAt, @Nullable Throwable cause) {
		super(nsid + ": " + describe(kind, status, error, message), cause);
		this.nsid = nsid;
		this.kind = kind;
		this.status = status;
		this.error = error;
		this.retryAt = retryAt;
	}

	static XrpcException unreachable(String nsid, String message, Throwable cause) {
		return new XrpcException(nsid, Kind.UNREACHABLE, 0, null, message, null, cause);
	}

	static XrpcException timeout(String nsid, Throwable cause) {
		return new XrpcException(nsid, Kind.TIMEOUT, 0, null, "no answer in time", null, cause);
	}

	static XrpcException notXrpc(String nsid, int status, String message) {
		return new XrpcException(nsid, Kind.NOT_XRPC, status, null, message, null, null);
	}

	private static String describe(Kind kind, int status, @Nullable String error, String message) {
		return switch (kind) {
			case UNREACHABLE -> "unreachable (" + message + ")";
			case TIMEOUT -> "timed out";
			case NOT_XRPC -> "not an XRPC answer (HTTP " + status + ": " + message + ")";
			case ERROR -> "HTTP " + status + " " + error + (message.isEmpty() ? "" : ": " + message);
		};
	}

	String nsid() {
		return nsid;
	}

	Kind kind() {
		return kind;
	}

	/** The HTTP status, 0 when there was no answer. */
	int status() {
		return status;
	}

	/** The XRPC error name ({@code InvalidRequest}, {@code ExpiredToken}...), when the answer carried one. */
	@Nullable String error() {
		return error;
	}

	/** When to try again, from {@code ratelimit-reset} or {@code Retry-After}; only for 429 answers. */
	@Nullable Instant retryAt() {
		return retryAt;
	}

	boolean isError(String name) {
		return name.equals(error);
	}

	boolean rateLimited() {
		return kind == Kind.ERROR && status == 429;
	}

	/** Trying again later may help: no answer, a server error, or a non-XRPC answer from a gateway in between. */
	boolean transientFailure() {
		return kind != Kind.ERROR || status >= 500;
	}

	/** The access token has expired; a refreshed session will do. */
	boolean expiredToken() {
		return isError("ExpiredToken");
	}

	/**
	 * The request itself was refused (400 or 413, not for its credentials): sending it again will not help, but other
	 * content might.
	 */
	boolean contentRefused() {
		return kind == Kind.ERROR && (status == 400 || status == 413) && !credentialsRefused();
	}

	/** The credentials were refused (expired, invalid, revoked, account taken down). */
	boolean credentialsRefused() {
		return kind == Kind.ERROR && (status == 401 || (error != null && CREDENTIAL_ERRORS.contains(error)));
	}
}
