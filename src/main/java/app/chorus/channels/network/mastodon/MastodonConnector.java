package app.chorus.channels.network.mastodon;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.ConnectedAccount;
import app.chorus.channels.spi.ConnectionRefused;
import app.chorus.channels.spi.Credentials;
import app.chorus.channels.spi.InstanceOAuthConnecting.AppRegistration;
import app.chorus.channels.spi.NetworkUnavailable;

/**
 * Connecting an account: registering Chorus on the instance ({@code POST /api/v1/apps}), the authorisation URL with
 * PKCE, the code exchange ({@code POST /oauth/token}), who the account is ({@code verify_credentials}) and the
 * instance's limits ({@code GET /api/v2/instance}), and revoking the token on disconnect.
 */
final class MastodonConnector {

	/**
	 * The granular scopes the adapter's features need, and no more: who the account is, its notifications and
	 * statuses (inbox, metrics, private mentions), posting with media, and blocking, muting and reporting.
	 */
	static final Set<String> SCOPES = Set.of("read:accounts", "read:notifications", "read:statuses", "write:statuses",
			"write:media", "write:blocks", "write:mutes", "write:reports");

	/** {@link Credentials#extra()} keys: the instance application, needed to revoke the token. */
	static final String CLIENT_ID = "clientId";
	static final String CLIENT_SECRET = "clientSecret";

	static final String NOT_AN_INSTANCE = "channel.connect.mastodon.not-an-instance";
	static final String UNREACHABLE = "channel.connect.mastodon.unreachable";
	static final String REGISTRATION_REFUSED = "channel.connect.mastodon.registration-refused";
	static final String CODE_REFUSED = "channel.connect.mastodon.code-refused";
	static final String APP_UNKNOWN = "channel.connect.mastodon.app-unknown";

	private static final String INSTANCE_URL = "instanceUrl";

	private final MastodonClient client;

	MastodonConnector(MastodonClient client) {
		this.client = client;
	}

	AppRegistration register(String instanceUrl, String redirectUri) {
		String base = InstanceUrl.normalise(instanceUrl);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("client_name", "Chorus");
		form.add("redirect_uris", redirectUri);
		form.add("scopes", scope(SCOPES));
		String website = website(redirectUri);
		if (website != null) {
			form.add("website", website);
		}
		MastodonClient.Answer answer = reach(() -> client.postForm(MastodonClient.uri(base, "/api/v1/apps"),
				null, form));
		if (answer.successful()) {
			MastodonApplication app = readApplication(answer, base);
			return new AppRegistration(base, app.clientId(), app.clientSecret(), SCOPES);
		}
		if (answer.serverError() || answer.status() == 429) {
			throw new NetworkUnavailable(base + " could not register the application: "
					+ MastodonJson.errorText(answer.body(), answer.status()));
		}
		if (answer.status() < 400 || answer.status() == 404 || answer.status() == 405 || answer.status() == 410) {
			throw notAnInstance(base, "HTTP " + answer.status() + " for /api/v1/apps");
		}
		throw new ConnectionRefused(INSTANCE_URL, REGISTRATION_REFUSED,
				base + " refused the application: " + MastodonJson.errorText(answer.body(), answer.status()));
	}

	URI authorizationUrl(AppRegistration app, String redirectUri, String state, String codeChallenge) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("response_type", "code");
		query.put("client_id", app.clientId());
		query.put("redirect_uri", redirectUri);
		query.put("scope", scope(app.scopes()));
		query.put("state", state);
		query.put("code_challenge", codeChallenge);
		query.put("code_challenge_method", "S256");
		StringBuilder url = new StringBuilder(app.instanceUrl()).append("/oauth/authorize");
		char separator = '?';
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			url.append(separator).append(parameter.getKey()).append('=').append(encode(parameter.getValue()));
			separator = '&';
		}
		return URI.create(url.toString());
	}

	/**
	 * Reads the instance's limits first (public, and a failure there leaves the one-time code unused), then
	 * exchanges the code and reads the account.
	 */
	ConnectedAccount complete(AppRegistration app, String redirectUri, String code, String codeVerifier) {
		String base = app.instanceUrl();
		MastodonInstance instance = instance(base);
		String token = exchange(app, redirectUri, code, codeVerifier);
		MastodonClient.Answer answer = reachable(
				() -> client.get(MastodonClient.uri(base, "/api/v1/accounts/verify_credentials"), token));
		if (answer.status() == 401 || answer.status() == 403) {
			throw new ConnectionRefused("code", CODE_REFUSED,
					"the new token was refused: " + MastodonJson.errorText(answer.body(), answer.status()));
		}
		requireSuccess(base, answer, "verify_credentials");
		MastodonAccount account = parsed(base, () -> MastodonJson.read(answer.body(), MastodonAccount.class));
		String domain = instance != null && instance.handleDomain() != null ? instance.handleDomain()
				: InstanceUrl.host(base);
		Credentials credentials = new Credentials(token, null, null,
				Map.of(CLIENT_ID, app.clientId(), CLIENT_SECRET, app.clientSecret()));
		return new ConnectedAccount(account.id(), account.username() + "@" + domain, account.displayNameOrNull(),
				account.avatar(), base, credentials, InstanceSettings.from(instance));
	}

	/** Best effort: an instance that no longer knows the token or the application has nothing left to revoke. */
	void revoke(ChannelSession session) {
		String clientId = session.credentials().extra().get(CLIENT_ID);
		String clientSecret = session.credentials().extra().get(CLIENT_SECRET);
		if (clientId == null || clientSecret == null) {
			return;
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("client_id", clientId);
		form.add("client_secret", clientSecret);
		form.add("token", session.credentials().accessToken());
		String base = session.endpoint();
		MastodonClient.Answer answer = reachable(
				() -> client.postForm(MastodonClient.uri(base, "/oauth/revoke"), null, form));
		if (answer.serverError() || answer.status() == 429) {
			throw new NetworkUnavailable(base + " did not revoke the token: HTTP " + answer.status());
		}
	}

	private String exchange(AppRegistration app, String redirectUri, String code, String codeVerifier) {
		String base = app.instanceUrl();
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "authorization_code");
		form.add("code", code);
		form.add("redirect_uri", redirectUri);
		form.add("client_id", app.clientId());
		form.add("client_secret", app.clientSecret());
		form.add("code_verifier", codeVerifier);
		form.add("scope", scope(app.scopes()));
		MastodonClient.Answer answer = reachable(
				() -> client.postForm(MastodonClient.uri(base, "/oauth/token"), null, form));
		if (answer.status() == 401 || "invalid_client".equals(MastodonJson.errorCode(answer.body()))) {
			throw new ConnectionRefused(INSTANCE_URL, APP_UNKNOWN,
					base + " no longer knows Chorus's application: " + MastodonJson.errorText(answer.body(), 401));
		}
		if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 429) {
			throw new ConnectionRefused("code", CODE_REFUSED,
					"the code was refused: " + MastodonJson.errorText(answer.body(), answer.status()));
		}
		requireSuccess(base, answer, "the token exchange");
		MastodonToken token = parsed(base, () -> MastodonJson.read(answer.body(), MastodonToken.class));
		if (token.accessToken() == null || token.accessToken().isBlank()) {
			throw new NetworkUnavailable(base + " answered the token exchange without a token");
		}
		return token.accessToken();
	}

	/** The Instance entity (v2, else v1 for servers before 4.0); {@code null} when neither is offered. */
	private @Nullable MastodonInstance instance(String base) {
		for (String path : new String[] { "/api/v2/instance", "/api/v1/instance" }) {
			MastodonClient.Answer answer = reachable(() -> client.get(MastodonClient.uri(base, path), null));
			if (answer.serverError() || answer.status() == 429) {
				throw new NetworkUnavailable(base + " did not tell its limits: HTTP " + answer.status());
			}
			if (answer.successful()) {
				try {
					return MastodonJson.read(answer.body(), MastodonInstance.class);
				}
				catch (MastodonJson.MalformedAnswer ex) {
					// a server that does not describe itself in Mastodon's terms gets Mastodon's default limits
					return null;
				}
			}
		}
		return null;
	}

	private MastodonApplication readApplication(MastodonClient.Answer answer, String base) {
		try {
			MastodonApplication app = MastodonJson.read(answer.body(), MastodonApplication.class);
			if (app.clientId() == null || app.clientId().isBlank() || app.clientSecret() == null
					|| app.clientSecret().isBlank()) {
				throw notAnInstance(base, "the answer to /api/v1/apps has no client credentials");
			}
			return app;
		}
		catch (MastodonJson.MalformedAnswer ex) {
			throw notAnInstance(base, ex.getMessage());
		}
	}

	/** Reaching a server the person just typed: nobody there is their mistake to fix, a timeout may pass. */
	private static MastodonClient.Answer reach(Supplier<MastodonClient.Answer> call) {
		try {
			return call.get();
		}
		catch (InstanceUnreachable ex) {
			if (ex.nobodyThere()) {
				throw new ConnectionRefused(INSTANCE_URL, UNREACHABLE, ex.getMessage());
			}
			throw new NetworkUnavailable(ex.getMessage(), ex);
		}
	}

	/** Reaching a server that answered before: any failure to reach it is passing. */
	private static MastodonClient.Answer reachable(Supplier<MastodonClient.Answer> call) {
		try {
			return call.get();
		}
		catch (InstanceUnreachable ex) {
			throw new NetworkUnavailable(ex.getMessage(), ex);
		}
	}

	private static <T> T parsed(String base, Supplier<T> read) {
		try {
			return read.get();
		}
		catch (MastodonJson.MalformedAnswer ex) {
			throw new NetworkUnavailable(base + " answered with something unexpected: " + ex.getMessage(), ex);
		}
	}

	private static void requireSuccess(String base, MastodonClient.Answer answer, String what) {
		if (!answer.successful()) {
			throw new NetworkUnavailable(
					base + " failed " + what + ": " + MastodonJson.errorText(answer.body(), answer.status()));
		}
	}

	private static ConnectionRefused notAnInstance(String base, String detail) {
		return new ConnectionRefused(INSTANCE_URL, NOT_AN_INSTANCE, base + " is not a Mastodon server (" + detail + ")");
	}

	/** Scopes in a stable order, the same in registration, authorisation and token exchange. */
	static String scope(Set<String> scopes) {
		return String.join(" ", new TreeSet<>(scopes));
	}

	private static @Nullable String website(String redirectUri) {
		try {
			URI uri = URI.create(redirectUri);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null).toString();
		}
		catch (IllegalArgumentException | java.net.URISyntaxException ex) {
			return null;
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
