package app.chorus.channels.network.mastodon;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import app.chorus.channels.spi.AuthMethod;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.ConnectedAccount;
import app.chorus.channels.spi.CredentialRevoking;
import app.chorus.channels.spi.Deleting;
import app.chorus.channels.spi.InboxReading;
import app.chorus.channels.spi.InstanceOAuthConnecting;
import app.chorus.channels.spi.MetricsReading;
import app.chorus.channels.spi.Moderating;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.NetworkRules;
import app.chorus.channels.spi.NetworkRulesCatalog;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.PublicProfileReading;
import app.chorus.channels.spi.PublishResult;
import app.chorus.channels.spi.RemotePostRef;
import app.chorus.channels.spi.Replying;
import app.chorus.channels.spi.SocialNetwork;
import app.chorus.channels.spi.WebhookReceiving;

/**
 * Mastodon, and servers that speak its API. A channel is one account on one instance: {@link ChannelSession#endpoint()}
 * is the instance's base URL, {@link ChannelSession#accountId()} the account's id there, the access token the user's
 * token (Mastodon tokens do not expire, so there is no refreshing), and {@link app.chorus.channels.spi.Credentials#extra()} holds the
 * instance application's {@code clientId} and {@code clientSecret} for revoking.
 * <p>
 * {@link ChannelSession#settings()} holds the instance's limits, written at connection: {@code max_characters},
 * {@code characters_reserved_per_url}, {@code max_media_attachments}, {@code image_size_limit},
 * {@code video_size_limit}, {@code supported_mime_types} (comma-separated), {@code max_poll_options},
 * {@code max_poll_option_chars}, {@code min_poll_expiration}, {@code max_poll_expiration} and
 * {@code mastodon_api_version}.
 * <p>
 * Publishing reads these {@link PostVariant#options()}: {@code visibility} ({@code public} by default,
 * {@code unlisted}, {@code private}, {@code direct}), {@code spoilerText} (the content warning), {@code sensitive},
 * {@code pollOptions} (one answer per line), {@code pollExpiresIn} (seconds, required with a poll),
 * {@code pollMultiple} and {@code pollHideTotals}. {@link PostVariant#replyTo()} makes a reply; a thread is a sequence
 * of replies, each to the previous status, that the caller sends one by one. {@link PostVariant#quoteOf()} makes a
 * quote post on instances with Mastodon API version 7 (Mastodon 4.5) and is refused before. {@link PostVariant#link()}
 * is not sent: Mastodon makes its card from the first link in the text.
 * <p>
 * Calls other than publishing throw {@link app.chorus.channels.spi.SessionRefreshing.ReauthorizationNeeded} when the
 * token is refused and {@link app.chorus.channels.spi.NetworkUnavailable} when the instance cannot answer now.
 */
@Component
public class MastodonNetwork implements SocialNetwork, InstanceOAuthConnecting, CredentialRevoking, InboxReading,
		Replying, Moderating, MetricsReading, Deleting, PublicProfileReading, WebhookReceiving {

	private final MastodonConnector connector;
	private final MastodonPublisher publisher;
	private final MastodonInbox inbox;
	private final MastodonActions actions;

	@Autowired
	public MastodonNetwork(Clock clock) {
		this(new MastodonClient(), clock, Pause.threadSleep());
	}

	MastodonNetwork(MastodonClient client, Clock clock, Pause pause) {
		this.connector = new MastodonConnector(client);
		this.publisher = new MastodonPublisher(client, clock, pause);
		this.inbox = new MastodonInbox(client);
		this.actions = new MastodonActions(client);
	}

	@Override
	public NetworkKey key() {
		return NetworkKey.MASTODON;
	}

	/** Mastodon keeps an {@code Idempotency-Key} for one hour. */
	@Override
	public java.time.Duration idempotencyWindow() {
		return java.time.Duration.ofHours(1);
	}

	/**
	 * Mastodon allows an account 300 API requests in 5 minutes, and 30 media uploads in 30 minutes
	 * (https://docs.joinmastodon.org/api/rate-limits/). A status costs one request, and its media one upload and some
	 * polling each, so posts keep to a third of the request budget; the upload limit and an instance's own, stricter
	 * limits still answer 429, which is honoured then.
	 */
	@Override
	public java.util.List<app.chorus.channels.spi.PostingCap> postingCaps() {
		return java.util.List.of(new app.chorus.channels.spi.PostingCap(100, java.time.Duration.ofMinutes(5),
				"https://docs.joinmastodon.org/api/rate-limits/"));
	}

	@Override
	public AuthMethod auth() {
		return AuthMethod.OAUTH2_PER_INSTANCE;
	}

	/** Mastodon's defaults, for an instance whose limits are not known. */
	@Override
	public NetworkRules rules() {
		return rules(Map.of());
	}

	/** The channel's instance limits, from the settings written when it connected. */
	@Override
	public NetworkRules rules(Map<String, String> channelSettings) {
		return rulesFor(channelSettings);
	}

	/** The instance's limits as the rules catalogue reads them from the settings written at connection. */
	static NetworkRules rulesFor(Map<String, String> instanceSettings) {
		return NetworkRulesCatalog.mastodon(instanceSettings);
	}

	@Override
	public AppRegistration register(String instanceUrl, String redirectUri) {
		return connector.register(instanceUrl, redirectUri);
	}

	@Override
	public URI authorizationUrl(AppRegistration app, String redirectUri, String state, String codeChallenge) {
		return connector.authorizationUrl(app, redirectUri, state, codeChallenge);
	}

	@Override
	public ConnectedAccount complete(AppRegistration app, String redirectUri, String code, String codeVerifier) {
		return connector.complete(app, redirectUri, code, codeVerifier);
	}

	@Override
	public void revoke(ChannelSession session) {
		connector.revoke(session);
	}

	@Override
	public PublishResult publish(ChannelSession session, PostVariant variant, String idempotencyKey) {
		return publisher.publish(session, variant, idempotencyKey);
	}

	/** A status in reply to {@code to}; any {@link PostVariant#replyTo()} of the variant is replaced by it. */
	@Override
	public PublishResult reply(ChannelSession session, RemotePostRef to, PostVariant reply, String idempotencyKey) {
		PostVariant answer = new PostVariant(reply.surface(), reply.text(), reply.media(), to, reply.quoteOf(),
				reply.link(), reply.language(), reply.options());
		return publisher.publish(session, answer, idempotencyKey);
	}

	/** See {@link MastodonInbox} for what the cursor holds and how it moves. */
	@Override
	public InboxPage read(ChannelSession session, @Nullable String cursor) {
		return inbox.read(session, cursor);
	}

	/** Mastodon's server webhooks for {@code status.created} and {@code status.updated}; see {@link MastodonWebhooks}. */
	@Override
	public WebhookDelivery parse(Map<String, List<String>> headers, byte[] body, String appSecret) {
		return MastodonWebhooks.parse(headers, body, appSecret);
	}

	@Override
	public Set<Action> actions() {
		return Set.of(Action.DELETE, Action.BLOCK, Action.MUTE, Action.REPORT);
	}

	@Override
	public void moderate(ChannelSession session, Action action, String target, @Nullable String note) {
		actions.moderate(session, action, target, note);
	}

	@Override
	public Map<String, PostMetrics> metrics(ChannelSession session, List<RemotePostRef> posts) {
		return actions.metrics(session, posts);
	}

	@Override
	public void delete(ChannelSession session, RemotePostRef post) {
		actions.delete(session, post.id());
	}

	/** @throws java.util.NoSuchElementException when the instance knows no such account */
	@Override
	public PublicProfile profile(ChannelSession session, String handleOrId) {
		return actions.profile(session, handleOrId);
	}
}
