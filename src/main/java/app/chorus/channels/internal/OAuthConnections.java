package app.chorus.channels.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.chorus.channels.spi.ConnectedAccount;
import app.chorus.channels.spi.ConnectionRefused;
import app.chorus.channels.spi.InstanceOAuthConnecting;
import app.chorus.channels.spi.InstanceOAuthConnecting.AppRegistration;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.shared.crypto.MasterKey;
import app.chorus.shared.crypto.Reencrypting;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;

/**
 * The OAuth dance for networks with an application per server (Mastodon): register Chorus on the instance once,
 * send the person there with a single-use state and a PKCE challenge, and on their return exchange the code. Nothing
 * is stored as a channel until the network has confirmed the account.
 */
@Service
public class OAuthConnections implements Reencrypting {

	private static final Logger log = LoggerFactory.getLogger(OAuthConnections.class);
	private static final Duration STATE_LIFETIME = Duration.ofMinutes(15);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final MasterKey masterKey;
	private final SocialNetworks networks;
	private final Clock clock;
	private final String redirectUri;

	OAuthConnections(JdbcClient jdbc, MasterKey masterKey, SocialNetworks networks, Clock clock,
			@Value("${chorus.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.masterKey = masterKey;
		this.networks = networks;
		this.clock = clock;
		this.redirectUri = baseUrl.replaceAll("/+$", "") + "/channels/oauth/callback";
	}

	/** Where the person goes to approve, and until when the link works. */
	public record Authorization(URI url, Instant expiresAt) {
	}

	/** A finished approval: the account and who started it where. */
	public record Approved(WorkspaceId workspaceId, UserId userId, NetworkKey network, ConnectedAccount account) {
	}

	/**
	 * Starts connecting: registers Chorus on the instance when it is not yet, and makes the approval link.
	 * @throws ChorusException 422 naming {@code instanceUrl} when it is not a server of the network, 503 when the
	 * server could not be reached
	 */
	public Authorization start(Membership membership, NetworkKey network, @Nullable String instanceUrl) {
		InstanceOAuthConnecting connecting = connecting(network);
		if (instanceUrl == null || instanceUrl.isBlank()) {
			throw ChorusException.invalid("instanceUrl", "channel.field.required");
		}
		AppRegistration app = call(() -> registration(network, connecting, instanceUrl.strip()));
		String state = random(32);
		String verifier = random(48);
		Instant expires = clock.instant().plus(STATE_LIFETIME);
		byte[] sealed = masterKey.seal(verifier.getBytes(StandardCharsets.UTF_8), stateData(hash(state)));
		jdbc.sql("delete from channels.oauth_states where expires_at < ?").param(Timestamp.from(clock.instant()))
			.update();
		jdbc.sql("""
				insert into channels.oauth_states (state_hash, workspace_id, user_id, network, instance_url,
				    redirect_uri, code_verifier, key_id, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(hash(state), membership.workspaceId().value(), membership.userId().value(), network.key(),
					app.instanceUrl(), redirectUri, sealed, MasterKey.keyIdOf(sealed), Timestamp.from(expires))
			.update();
		return new Authorization(connecting.authorizationUrl(app, redirectUri, state, challenge(verifier)), expires);
	}

	/**
	 * Finishes a connection the person approved at the network. The state is used once; an unknown or expired one,
	 * or one started by somebody else, is not found.
	 */
	public Approved complete(UserId user, @Nullable String state, @Nullable String code) {
		if (state == null || state.isBlank()) {
			throw ChorusException.notFound("connection");
		}
		String stateHash = hash(state);
		var pending = jdbc.sql("""
				delete from channels.oauth_states where state_hash = ? and user_id = ? and expires_at > ?
				returning workspace_id, network, instance_url, redirect_uri, code_verifier""")
			.params(stateHash, user.value(), Timestamp.from(clock.instant()))
			.query((rs, n) -> new Pending(new WorkspaceId(rs.getObject(1, UUID.class)),
					NetworkKey.fromKey(rs.getString(2)).orElseThrow(), rs.getString(3), rs.getString(4),
					rs.getBytes(5)))
			.optional()
			.orElseThrow(() -> ChorusException.notFound("connection"));
		if (code == null || code.isBlank()) {
			throw ChorusException.invalid("code", "channel.connect.denied");
		}
		InstanceOAuthConnecting connecting = connecting(pending.network());
		AppRegistration app = findApp(pending.network(), pending.instanceUrl(), pending.redirectUri())
			.orElseThrow(() -> ChorusException.notFound("connection"));
		String verifier = new String(masterKey.open(pending.verifier(), stateData(stateHash)), StandardCharsets.UTF_8);
		ConnectedAccount account = call(() -> connecting.complete(app, pending.redirectUri(), code, verifier));
		return new Approved(pending.workspaceId(), user, pending.network(), account);
	}

	private record Pending(WorkspaceId workspaceId, NetworkKey network, String instanceUrl, String redirectUri,
			byte[] verifier) {
	}

	private AppRegistration registration(NetworkKey network, InstanceOAuthConnecting connecting, String instanceUrl) {
		Optional<AppRegistration> known = findApp(network, instanceUrl, redirectUri);
		if (known.isPresent()) {
			return known.get();
		}
		AppRegistration app = connecting.register(instanceUrl, redirectUri);
		Optional<AppRegistration> normalised = findApp(network, app.instanceUrl(), redirectUri);
		if (normalised.isPresent()) {
			return normalised.get(); // the address was typed differently; keep the first registration
		}
		byte[] secret = masterKey.seal(app.clientSecret().getBytes(StandardCharsets.UTF_8),
				appData(network, app.instanceUrl()));
		jdbc.sql("""
				insert into channels.oauth_apps (network, instance_url, redirect_uri, client_id, client_secret, key_id,
				    scopes, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(network.key(), app.instanceUrl(), redirectUri, app.clientId(), secret, MasterKey.keyIdOf(secret),
					String.join(" ", app.scopes().stream().sorted().toList()), Timestamp.from(clock.instant()))
			.update();
		// Typed addresses and normalised ones both find the registration from now on.
		if (!app.instanceUrl().equals(instanceUrl)) {
			log.debug("Registered Chorus on {} (typed as {})", app.instanceUrl(), instanceUrl);
		}
		return app;
	}

	private Optional<AppRegistration> findApp(NetworkKey network, String instanceUrl, String redirect) {
		return jdbc.sql("""
				select instance_url, client_id, client_secret, scopes from channels.oauth_apps
				where network = ? and instance_url = ? and redirect_uri = ?""")
			.params(network.key(), instanceUrl, redirect)
			.query((rs, n) -> new AppRegistration(rs.getString(1), rs.getString(2),
					new String(masterKey.open(rs.getBytes(3), appData(network, rs.getString(1))),
							StandardCharsets.UTF_8),
					Set.of(rs.getString(4).split(" "))))
			.optional();
	}

	private InstanceOAuthConnecting connecting(NetworkKey network) {
		return networks.capability(network, InstanceOAuthConnecting.class)
			.orElseThrow(() -> ChorusException.invalid("network", "channel.network.not-by-oauth"));
	}

	private static <T> T call(java.util.function.Supplier<T> action) {
		try {
			return action.get();
		}
		catch (ConnectionRefused e) {
			throw ChorusException.invalid(e.field(), e.reasonKey());
		}
		catch (NetworkUnavailable e) {
			log.info("OAuth connection could not reach the server: {}", e.getMessage());
			throw new ChorusException(HttpStatus.SERVICE_UNAVAILABLE, "channel.connect.unavailable", "instanceUrl");
		}
	}

	@Override
	public String secretKind() {
		return "OAuth application secrets";
	}

	@Override
	public int reencryptAll() {
		jdbc.sql("delete from channels.oauth_states where expires_at < ?").param(Timestamp.from(clock.instant()))
			.update();
		long primary = masterKey.primaryKeyId();
		int count = 0;
		record AppRow(String network, String instanceUrl, String redirectUri, byte[] secret) {
		}
		List<AppRow> apps = jdbc.sql("""
				select network, instance_url, redirect_uri, client_secret from channels.oauth_apps where key_id <> ?""")
			.param(primary).query((rs, n) -> new AppRow(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getBytes(4)))
			.list();
		for (AppRow app : apps) {
			byte[] data = appData(NetworkKey.fromKey(app.network()).orElseThrow(), app.instanceUrl());
			byte[] sealed = masterKey.seal(masterKey.open(app.secret(), data), data);
			count += jdbc.sql("""
					update channels.oauth_apps set client_secret = ?, key_id = ?
					where network = ? and instance_url = ? and redirect_uri = ?""")
				.params(sealed, MasterKey.keyIdOf(sealed), app.network(), app.instanceUrl(), app.redirectUri())
				.update();
		}
		record StateRow(String hash, byte[] verifier) {
		}
		List<StateRow> states = jdbc.sql("select state_hash, code_verifier from channels.oauth_states where key_id <> ?")
			.param(primary).query((rs, n) -> new StateRow(rs.getString(1), rs.getBytes(2))).list();
		for (StateRow state : states) {
			byte[] sealed = masterKey.seal(masterKey.open(state.verifier(), stateData(state.hash())),
					stateData(state.hash()));
			count += jdbc.sql("update channels.oauth_states set code_verifier = ?, key_id = ? where state_hash = ?")
				.params(sealed, MasterKey.keyIdOf(sealed), state.hash()).update();
		}
		return count;
	}

	private static byte[] appData(NetworkKey network, String instanceUrl) {
		return ("chorus.oauth-app:" + network.key() + ":" + instanceUrl).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] stateData(String stateHash) {
		return ("chorus.oauth-state:" + stateHash).getBytes(StandardCharsets.UTF_8);
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private static String challenge(String verifier) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
	}

	private static String hash(String value) {
		return HexFormat.of().formatHex(sha256(value));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
