package app.chorus.channels.network.bluesky;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.chorus.channels.network.bluesky.Lexicon.BlockRecord;
import app.chorus.channels.network.bluesky.Lexicon.CreateRecord;
import app.chorus.channels.network.bluesky.Lexicon.CreateReport;
import app.chorus.channels.network.bluesky.Lexicon.MuteActor;
import app.chorus.channels.network.bluesky.Lexicon.PostView;
import app.chorus.channels.network.bluesky.Lexicon.Posts;
import app.chorus.channels.network.bluesky.Lexicon.Profile;
import app.chorus.channels.network.bluesky.Lexicon.PutRecord;
import app.chorus.channels.network.bluesky.Lexicon.RepoRef;
import app.chorus.channels.network.bluesky.Lexicon.ResolvedHandle;
import app.chorus.channels.network.bluesky.Lexicon.StoredRecord;
import app.chorus.channels.network.linkpreview.LinkPreview;
import app.chorus.channels.spi.AppPasswordConnecting;
import app.chorus.channels.spi.AuthMethod;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.ConnectedAccount;
import app.chorus.channels.spi.CredentialRevoking;
import app.chorus.channels.spi.Credentials;
import app.chorus.channels.spi.Deleting;
import app.chorus.channels.spi.InboxReading;
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
import app.chorus.channels.spi.SessionRefreshing;
import app.chorus.channels.spi.SocialNetwork;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bluesky, through the AT Protocol. Connects with a handle (or DID) and an app password; calls go to the account's own
 * PDS ({@link ChannelSession#endpoint()}), which forwards {@code app.bsky.*} reads to the AppView.
 * <p>
 * Contracts beyond the SPI's:
 * <ul>
 * <li><b>Session expiry.</b> Access JWTs live about two hours. An access token the PDS reports expired
 * ({@code ExpiredToken}) is a {@link PublishResult.SessionExpired} for publishing and an
 * {@link app.chorus.channels.spi.AccessTokenExpired} for everything else: the caller
 * refreshes ({@link #refresh}) and tries again. {@link PublishResult.ReauthorizationRequired} (and
 * {@link SessionRefreshing.ReauthorizationNeeded}) mean the credentials were refused in a way no refresh mends.
 * Refreshing falls back to a new session from the app password (kept in {@link Credentials#extra()} under
 * {@code appPassword}) when the refresh JWT itself has expired.</li>
 * <li><b>Idempotency.</b> The record key of a post is derived from the idempotency key ({@link RecordKeys}); a retry
 * with the same key finds the post written before and answers {@link PublishResult.Published} with it.</li>
 * <li><b>Inbox cursor.</b> Opaque, forward-moving; see {@link BlueskyInbox}.</li>
 * <li><b>Settings.</b> {@code serviceUrl} (where the session was made: bsky.social, or the PDS) and {@code plcUrl}
 * (the PLC directory, {@code chorus.channels.bluesky.plc-url}, default https://plc.directory).</li>
 * <li><b>Links.</b> A variant's {@link PostVariant#link()} becomes a card with the page's title, description and
 * image ({@link LinkCards}), unless the post has images: Bluesky embeds one or the other, and images win.</li>
 * <li>Video is not supported yet: a variant with a video is {@link PublishResult.Rejected}.</li>
 * </ul>
 */
@Component
public class BlueskyNetwork implements SocialNetwork, AppPasswordConnecting, SessionRefreshing, CredentialRevoking,
		InboxReading, Replying, Moderating, MetricsReading, Deleting, PublicProfileReading {

	static final int POSTS_PER_METRICS_CALL = 25;

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final Clock clock;
	private final Xrpc xrpc;
	private final BlueskySessions sessions;
	private final BlueskyPublisher publisher;
	private final BlueskyInbox inbox;

	@Autowired
	public BlueskyNetwork(Clock clock,
			@Value("${chorus.channels.bluesky.plc-url:https://plc.directory}") String plcUrl,
			LinkPreview linkPreview) {
		this(clock, plcUrl, linkPreview, CONNECT_TIMEOUT, READ_TIMEOUT);
	}

	BlueskyNetwork(Clock clock, String plcUrl, LinkPreview linkPreview, Duration connectTimeout,
			Duration readTimeout) {
		this.clock = clock;
		this.xrpc = new Xrpc(clock, connectTimeout, readTimeout);
		this.sessions = new BlueskySessions(xrpc, plcUrl);
		this.publisher = new BlueskyPublisher(xrpc, clock, new LinkCards(xrpc, linkPreview));
		this.inbox = new BlueskyInbox(xrpc, clock);
	}

	@Override
	public NetworkKey key() {
		return NetworkKey.BLUESKY;
	}

	/** A post's record key comes from the idempotency key: a second publish finds the first record instead of making
	 * another, for as long as the post exists. */
	@Override
	public java.time.Duration idempotencyWindow() {
		return java.time.Duration.ofDays(3650);
	}

	/**
	 * Bluesky counts record writes per account: at most 5,000 points an hour and 35,000 a day, a created record costing
	 * 3 (https://docs.bsky.app/docs/advanced-guides/rate-limits), so 1,666 records an hour and 11,666 a day. Likes,
	 * reposts and replies from the inbox spend the same budget: posts keep a tenth of it free for them.
	 */
	@Override
	public java.util.List<app.chorus.channels.spi.PostingCap> postingCaps() {
		String source = "https://docs.bsky.app/docs/advanced-guides/rate-limits";
		return java.util.List.of(new app.chorus.channels.spi.PostingCap(1_500, java.time.Duration.ofHours(1), source),
				new app.chorus.channels.spi.PostingCap(10_500, java.time.Duration.ofDays(1), source));
	}

	@Override
	public AuthMethod auth() {
		return AuthMethod.APP_PASSWORD;
	}

	/** Bluesky's limits: 300 graphemes and 3,000 bytes of text, up to four images (see the rules catalogue). */
	@Override
	public NetworkRules rules() {
		return NetworkRulesCatalog.bluesky();
	}

	@Override
	public ConnectedAccount connect(String serviceUrl, String identifier, String appPassword) {
		return sessions.connect(serviceUrl, identifier, appPassword);
	}

	@Override
	public Credentials refresh(ChannelSession session) {
		return sessions.refresh(session);
	}

	@Override
	public void revoke(ChannelSession session) {
		sessions.revoke(session);
	}

	@Override
	public PublishResult publish(ChannelSession session, PostVariant variant, String idempotencyKey) {
		return publisher.publish(session, variant, variant.replyTo(), idempotencyKey);
	}

	/** Publishes {@code reply} under {@code to}, whatever {@link PostVariant#replyTo()} says. */
	@Override
	public PublishResult reply(ChannelSession session, RemotePostRef to, PostVariant reply, String idempotencyKey) {
		return publisher.publish(session, reply, to, idempotencyKey);
	}

	@Override
	public void delete(ChannelSession session, RemotePostRef post) {
		publisher.delete(session, post);
	}

	@Override
	public InboxPage read(ChannelSession session, @Nullable String cursor) {
		return inbox.read(session, cursor);
	}

	/** Likes, reposts, replies and quotes from the AppView; Bluesky reports no views (-1). Keyed by the post's URI. */
	@Override
	public Map<String, PostMetrics> metrics(ChannelSession session, List<RemotePostRef> posts) {
		Map<String, PostMetrics> metrics = new LinkedHashMap<>();
		List<String> uris = posts.stream().map(RemotePostRef::id).distinct().toList();
		for (int from = 0; from < uris.size(); from += POSTS_PER_METRICS_CALL) {
			List<Xrpc.Param> params = new ArrayList<>();
			uris.subList(from, Math.min(uris.size(), from + POSTS_PER_METRICS_CALL))
				.forEach(uri -> params.add(new Xrpc.Param("uris", uri)));
			Posts answer = call(() -> xrpc.query(session.endpoint(), "app.bsky.feed.getPosts", params, token(session),
					Posts.class));
			for (PostView post : answer.all()) {
				metrics.put(post.uri(), new PostMetrics(count(post.likeCount()), count(post.repostCount()),
						count(post.replyCount()), count(post.quoteCount()), -1));
			}
		}
		return metrics;
	}

	@Override
	public Set<Action> actions() {
		return EnumSet.of(Action.HIDE, Action.DELETE, Action.BLOCK, Action.MUTE, Action.REPORT);
	}

	/**
	 * {@code BLOCK} writes an app.bsky.graph.block record, {@code MUTE} mutes through the AppView (private to the
	 * account), {@code REPORT} files a report of the account ("other", the note as its reason) with the PDS's moderation service;
	 * {@code target} is a DID (a handle is resolved). {@code DELETE} deletes one of the channel's posts by URI;
	 * {@code HIDE} hides a reply (by URI) in a thread the channel started ({@link #hide}).
	 */
	@Override
	public void moderate(ChannelSession session, Action action, String target, @Nullable String note) {
		switch (action) {
			case DELETE -> delete(session, RemotePostRef.of(target));
			case HIDE -> hide(session, target);
			case BLOCK -> call(() -> xrpc.procedure(session.endpoint(), "com.atproto.repo.createRecord",
					new CreateRecord(session.accountId(), Lexicon.BLOCK, null,
							new BlockRecord(did(session, target), TIMESTAMP.format(clock.instant()))),
					token(session), JsonNode.class));
			case MUTE -> call(() -> xrpc.procedure(session.endpoint(), "app.bsky.graph.muteActor",
					new MuteActor(did(session, target)), token(session), JsonNode.class));
			case REPORT -> call(() -> xrpc.procedure(session.endpoint(), "com.atproto.moderation.createReport",
					new CreateReport("com.atproto.moderation.defs#reasonOther",
							note == null || note.isBlank() ? null : note.strip(), new RepoRef(did(session, target))),
					token(session), JsonNode.class));
			default -> throw new UnsupportedOperationException("Bluesky cannot " + action + " for another account");
		}
	}

	/**
	 * Hides a reply the way Bluesky's apps do: its URI joins {@code hiddenReplies} of the threadgate of the thread's
	 * root ({@code app.bsky.feed.threadgate} under the root post's record key, in the channel's repository), which is
	 * made when there is none (without {@code allow}, so everyone may still reply) and otherwise written back with all
	 * it holds and {@code swapRecord}, so a change made meanwhile is not overwritten. Hiding twice changes nothing.
	 * @throws IllegalArgumentException when the post is not a reply in a thread the channel started, or the thread
	 * hides {@value Lexicon#MAX_HIDDEN_REPLIES} replies already (Bluesky's limit)
	 */
	private void hide(ChannelSession session, String replyUri) {
		AtUri.parse(replyUri);
		List<PostView> found = call(() -> xrpc.query(session.endpoint(), "app.bsky.feed.getPosts",
				List.of(new Xrpc.Param("uris", replyUri)), token(session), Posts.class)).all();
		if (found.isEmpty()) {
			throw new IllegalArgumentException("Bluesky does not know the post " + replyUri);
		}
		String rootUri = found.get(0).record().path("reply").path("root").path("uri").asString("");
		AtUri root = rootUri.isEmpty() ? null : AtUri.parse(rootUri);
		if (root == null || !root.repo().equals(session.accountId())) {
			throw new IllegalArgumentException(
					"Bluesky hides only replies in a thread the account started; " + replyUri + " is not one");
		}
		String rkey = root.rkey();
		Optional<StoredRecord> gate = threadgate(session, rkey);
		ObjectNode record;
		if (gate.isPresent() && gate.get().value() instanceof ObjectNode kept) {
			record = kept.deepCopy();
		}
		else {
			record = xrpc.json().createObjectNode();
			record.put("$type", Lexicon.THREADGATE);
			record.put("post", rootUri);
			record.put("createdAt", TIMESTAMP.format(clock.instant()));
		}
		ArrayNode hidden = record.path("hiddenReplies") instanceof ArrayNode list ? list : record.putArray("hiddenReplies");
		for (JsonNode uri : hidden) {
			if (replyUri.equals(uri.asString(""))) {
				return;
			}
		}
		if (hidden.size() >= Lexicon.MAX_HIDDEN_REPLIES) {
			throw new IllegalArgumentException("Bluesky hides at most " + Lexicon.MAX_HIDDEN_REPLIES
					+ " replies in a thread, and this one hides that many already");
		}
		hidden.add(replyUri);
		String swap = gate.map(StoredRecord::cid).orElse(null);
		call(() -> gate.isPresent()
				? xrpc.procedure(session.endpoint(), "com.atproto.repo.putRecord",
						new PutRecord(session.accountId(), Lexicon.THREADGATE, rkey, record, swap), token(session),
						JsonNode.class)
				: xrpc.procedure(session.endpoint(), "com.atproto.repo.createRecord",
						new CreateRecord(session.accountId(), Lexicon.THREADGATE, rkey, record), token(session),
						JsonNode.class));
	}

	/** The threadgate of the channel's thread rooted at the post with this record key, if it has one. */
	private Optional<StoredRecord> threadgate(ChannelSession session, String rkey) {
		try {
			return Optional.of(xrpc.query(session.endpoint(), "com.atproto.repo.getRecord",
					List.of(new Xrpc.Param("repo", session.accountId()),
							new Xrpc.Param("collection", Lexicon.THREADGATE), new Xrpc.Param("rkey", rkey)),
					token(session), StoredRecord.class));
		}
		catch (XrpcException failure) {
			if (failure.isError("RecordNotFound")) {
				return Optional.empty();
			}
			throw Failures.of(failure);
		}
	}

	/** @throws IllegalArgumentException when there is no such account */
	@Override
	public PublicProfile profile(ChannelSession session, String handleOrId) {
		String actor = handleOrId.strip().startsWith("@") ? handleOrId.strip().substring(1) : handleOrId.strip();
		Profile profile = call(() -> xrpc.query(session.endpoint(), "app.bsky.actor.getProfile",
				List.of(new Xrpc.Param("actor", actor)), token(session), Profile.class));
		return new PublicProfile(profile.did(), profile.handle(), profile.displayName(), profile.description(),
				count(profile.followersCount()), count(profile.followsCount()), count(profile.postsCount()));
	}

	private String did(ChannelSession session, String target) {
		String actor = target.strip().startsWith("@") ? target.strip().substring(1) : target.strip();
		if (actor.startsWith("did:")) {
			return actor;
		}
		return call(() -> xrpc.query(session.endpoint(), "com.atproto.identity.resolveHandle",
				List.of(new Xrpc.Param("handle", actor)), token(session), ResolvedHandle.class)).did();
	}

	private static <T> T call(Supplier<T> xrpcCall) {
		try {
			return xrpcCall.get();
		}
		catch (XrpcException failure) {
			throw Failures.of(failure);
		}
	}

	private static long count(@Nullable Long count) {
		return count == null ? -1 : count;
	}

	private static String token(ChannelSession session) {
		return session.credentials().accessToken();
	}
}
