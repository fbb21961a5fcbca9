package app.chorus.channels.network.bluesky;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.chorus.channels.network.bluesky.Lexicon.CreateSession;
import app.chorus.channels.network.bluesky.Lexicon.Profile;
import app.chorus.channels.network.bluesky.Lexicon.ResolvedHandle;
import app.chorus.channels.network.bluesky.Lexicon.Session;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.ConnectedAccount;
import app.chorus.channels.spi.ConnectionRefused;
import app.chorus.channels.spi.Credentials;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.SessionRefreshing.ReauthorizationNeeded;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Signing in, refreshing and ending sessions. The session is made where the person signed in (the "service": a PDS,
 * or an entryway such as bsky.social); everything else goes to the account's own PDS, found in its DID document.
 * Both are kept in the channel: the PDS as its endpoint, the service and the PLC directory in its settings.
 */
final class BlueskySessions {

	private static final Logger log = LoggerFactory.getLogger(BlueskySessions.class);

	static final String DEFAULT_SERVICE = "https://bsky.social";
	static final String APP_PASSWORD = "appPassword";
	static final String SERVICE_URL = "serviceUrl";
	static final String PLC_URL = "plcUrl";

	private static final Pattern HANDLE = Pattern
		.compile("([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");

	private static final String KEY = "channel.connect.bluesky.";

	private final Xrpc xrpc;
	private final DidDocuments didDocuments;
	private final String plcUrl;

	BlueskySessions(Xrpc xrpc, String plcUrl) {
		this.xrpc = xrpc;
		this.didDocuments = new DidDocuments(xrpc);
		this.plcUrl = DidDocuments.stripSlash(plcUrl);
	}

	ConnectedAccount connect(String serviceUrl, String identifier, String appPassword) {
		String service = serviceUrl(serviceUrl);
		String id = identifier.strip().startsWith("@") ? identifier.strip().substring(1) : identifier.strip();
		if (!id.startsWith("did:") && !id.contains("@") && !HANDLE.matcher(id).matches()) {
			throw new ConnectionRefused("handle", KEY + "invalid-handle", "not a handle or DID: " + id);
		}
		if (appPassword.isBlank()) {
			throw new ConnectionRefused("appPassword", KEY + "bad-credentials", "no app password given");
		}
		Session session;
		try {
			session = xrpc.procedure(service, "com.atproto.server.createSession", new CreateSession(id, appPassword),
					null, Session.class);
		}
		catch (XrpcException ex) {
			throw refusal(service, id, ex);
		}
		String pds = pdsOf(session, service);
		Profile profile = profile(pds, session);
		return new ConnectedAccount(session.did(), session.handle(), profile == null ? null : profile.displayName(),
				profile == null ? null : profile.avatar(), pds, credentials(session, appPassword),
				Map.of(SERVICE_URL, service, PLC_URL, plcUrl));
	}

	/**
	 * Refreshes with the refresh JWT; when that is refused (expired, revoked), signs in again with the app password
	 * kept in the credentials; when that is refused too, the channel needs a person.
	 */
	Credentials refresh(ChannelSession channel) {
		String service = channel.settings().getOrDefault(SERVICE_URL, channel.endpoint());
		Credentials current = channel.credentials();
		String appPassword = current.extra().get(APP_PASSWORD);
		if (current.refreshToken() != null) {
			try {
				Session session = xrpc.procedure(service, "com.atproto.server.refreshSession", null,
						current.refreshToken(), Session.class);
				return credentials(session, appPassword);
			}
			catch (XrpcException ex) {
				if (!ex.credentialsRefused()) {
					throw Failures.of(ex);
				}
			}
		}
		if (appPassword == null) {
			throw new ReauthorizationNeeded("the Bluesky session ended and no app password is kept to start another");
		}
		try {
			Session session = xrpc.procedure(service, "com.atproto.server.createSession",
					new CreateSession(channel.accountId(), appPassword), null, Session.class);
			return credentials(session, appPassword);
		}
		catch (XrpcException ex) {
			if (ex.transientFailure() || ex.rateLimited()) {
				throw Failures.of(ex);
			}
			throw new ReauthorizationNeeded("Bluesky refused the app password: " + ex.getMessage());
		}
	}

	/** Ends the session at the service. Best effort: a session the service no longer knows is ended already. */
	void revoke(ChannelSession channel) {
		String refreshJwt = channel.credentials().refreshToken();
		if (refreshJwt == null) {
			return;
		}
		String service = channel.settings().getOrDefault(SERVICE_URL, channel.endpoint());
		try {
			xrpc.procedure(service, "com.atproto.server.deleteSession", null, refreshJwt, JsonNode.class);
		}
		catch (XrpcException ex) {
			if (ex.transientFailure() || ex.rateLimited()) {
				throw Failures.of(ex);
			}
			// refused: the token is expired or revoked, so there is no session left to end
		}
	}

	/**
	 * The account's own PDS: from the DID document the session came with (PDSs include it), else from the PLC
	 * directory or did:web host; when neither can be read, the service that signed the account in, which serves it.
	 */
	private String pdsOf(Session session, String service) {
		String did = session.did();
		if (session.didDoc() != null && did.equals(session.didDoc().path("id").asString(""))) {
			String named = DidDocuments.pdsIn(session.didDoc(), did);
			if (named != null) {
				return named;
			}
		}
		String pds;
		try {
			pds = didDocuments.pdsEndpoint(did, plcUrl);
		}
		catch (XrpcException ex) {
			log.warn("Could not read the DID document of {} ({}); using {} as its server", did, ex.getMessage(),
					service);
			return service;
		}
		catch (IllegalArgumentException ex) {
			throw new ConnectionRefused("handle", KEY + "unsupported-did", ex.getMessage());
		}
		return pds == null ? service : pds;
	}

	private @Nullable Profile profile(String pds, Session session) {
		try {
			return xrpc.query(pds, "app.bsky.actor.getProfile", List.of(new Xrpc.Param("actor", session.did())),
					session.accessJwt(), Profile.class);
		}
		catch (XrpcException ex) {
			if (ex.transientFailure() || ex.rateLimited()) {
				throw Failures.of(ex);
			}
			// a brand-new account may not be indexed by the AppView yet: connect it without a display name
			return null;
		}
	}

	private RuntimeException refusal(String service, String identifier, XrpcException ex) {
		if (ex.kind() == XrpcException.Kind.UNREACHABLE) {
			return new ConnectionRefused("pdsUrl", KEY + "unreachable", ex.getMessage());
		}
		if (ex.kind() == XrpcException.Kind.NOT_XRPC) {
			return new ConnectionRefused("pdsUrl", KEY + "not-a-pds", ex.getMessage());
		}
		if (ex.transientFailure() || ex.rateLimited()) {
			return Failures.of(ex);
		}
		if (ex.isError("AuthFactorTokenRequired")) {
			return new ConnectionRefused("appPassword", KEY + "use-app-password", ex.getMessage());
		}
		if (ex.isError("AccountTakedown")) {
			return new ConnectionRefused("handle", KEY + "account-suspended", ex.getMessage());
		}
		if (ex.status() == 401) {
			return handleExists(service, identifier) ? new ConnectionRefused("appPassword", KEY + "bad-credentials",
					ex.getMessage()) : new ConnectionRefused("handle", KEY + "unknown-handle", ex.getMessage());
		}
		if (ex.status() == 404 || ex.status() == 405 || ex.status() == 501) {
			return new ConnectionRefused("pdsUrl", KEY + "not-a-pds", ex.getMessage());
		}
		return new ConnectionRefused("handle", KEY + "unknown-handle", ex.getMessage());
	}

	/**
	 * Whether a refused sign-in was about the password: the service answers "invalid identifier or password" for both,
	 * so a handle is looked up. Anything but "no such handle" counts as existing (the password was wrong).
	 */
	private boolean handleExists(String service, String identifier) {
		if (identifier.startsWith("did:") || identifier.contains("@")) {
			return true;
		}
		try {
			xrpc.query(service, "com.atproto.identity.resolveHandle", List.of(new Xrpc.Param("handle", identifier)),
					null, ResolvedHandle.class);
			return true;
		}
		catch (XrpcException ex) {
			return ex.kind() != XrpcException.Kind.ERROR || ex.status() != 400;
		}
	}

	private Credentials credentials(Session session, @Nullable String appPassword) {
		return new Credentials(session.accessJwt(), session.refreshJwt(), expiry(session.accessJwt()),
				appPassword == null ? Map.of() : Map.of(APP_PASSWORD, appPassword));
	}

	/** The {@code exp} claim of a JWT (read, not verified: the service that issued it checks it), or null. */
	@Nullable Instant expiry(String jwt) {
		String[] parts = jwt.split("\\.");
		if (parts.length < 2) {
			return null;
		}
		try {
			JsonNode exp = xrpc.json().readTree(Base64.getUrlDecoder().decode(parts[1])).path("exp");
			return exp.isIntegralNumber() ? Instant.ofEpochSecond(exp.asLong()) : null;
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return null;
		}
	}

	/** The address the person typed, made whole: blank means bsky.social, no scheme means https. */
	static String serviceUrl(String typed) {
		String url = DidDocuments.stripSlash(typed);
		if (url.isEmpty()) {
			return DEFAULT_SERVICE;
		}
		if (!url.contains("://")) {
			url = "https://" + url;
		}
		try {
			URI uri = new URI(url);
			boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
			if (!web || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
					|| uri.getUserInfo() != null) {
				throw new ConnectionRefused("pdsUrl", KEY + "invalid-url", "not a web address: " + typed);
			}
			return url;
		}
		catch (URISyntaxException ex) {
			throw new ConnectionRefused("pdsUrl", KEY + "invalid-url", "not a web address: " + typed);
		}
	}

}
