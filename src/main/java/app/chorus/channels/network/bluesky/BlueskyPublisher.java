package app.chorus.channels.network.bluesky;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import app.chorus.channels.network.bluesky.Lexicon.AspectRatio;
import app.chorus.channels.network.bluesky.Lexicon.CreateRecord;
import app.chorus.channels.network.bluesky.Lexicon.DeleteRecord;
import app.chorus.channels.network.bluesky.Lexicon.Embed;
import app.chorus.channels.network.bluesky.Lexicon.Facet;
import app.chorus.channels.network.bluesky.Lexicon.Image;
import app.chorus.channels.network.bluesky.Lexicon.Images;
import app.chorus.channels.network.bluesky.Lexicon.PostRecord;
import app.chorus.channels.network.bluesky.Lexicon.PostView;
import app.chorus.channels.network.bluesky.Lexicon.Posts;
import app.chorus.channels.network.bluesky.Lexicon.QuotedRecord;
import app.chorus.channels.network.bluesky.Lexicon.QuotedRecordWithMedia;
import app.chorus.channels.network.bluesky.Lexicon.ReplyRef;
import app.chorus.channels.network.bluesky.Lexicon.ResolvedHandle;
import app.chorus.channels.network.bluesky.Lexicon.StoredRecord;
import app.chorus.channels.network.bluesky.Lexicon.StrongRef;
import app.chorus.channels.network.bluesky.Lexicon.UploadedBlob;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.MediaItem;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.PublishResult;
import app.chorus.channels.spi.PublishResult.Published;
import app.chorus.channels.spi.PublishResult.RateLimited;
import app.chorus.channels.spi.PublishResult.ReauthorizationRequired;
import app.chorus.channels.spi.PublishResult.Rejected;
import app.chorus.channels.spi.PublishResult.TransientFailure;
import app.chorus.channels.spi.RemotePostRef;
import app.chorus.channels.spi.RuleViolation;
import app.chorus.channels.spi.Surface;
import tools.jackson.databind.JsonNode;

/**
 * Publishing and deleting posts: one {@code app.bsky.feed.post} record per post, written with {@code createRecord}
 * under a record key derived from the idempotency key ({@link RecordKeys}). When writing fails in a way that might
 * hide a post already written (a lost answer, a server error, the conflict a retry meets), the record under that key
 * is looked up and, when it is there, the publish counts as done.
 */
final class BlueskyPublisher {

	static final int MAX_IMAGES = 4;
	static final String WEB_APP = "https://bsky.app";

	private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofMinutes(1);
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final Xrpc xrpc;
	private final Clock clock;
	private final LinkCards linkCards;

	BlueskyPublisher(Xrpc xrpc, Clock clock, LinkCards linkCards) {
		this.xrpc = xrpc;
		this.clock = clock;
		this.linkCards = linkCards;
	}

	PublishResult publish(ChannelSession session, PostVariant variant, @Nullable RemotePostRef replyTo,
			String idempotencyKey) {
		List<RuleViolation> unsupported = unsupported(variant);
		if (!unsupported.isEmpty()) {
			return new Rejected(unsupported);
		}
		String rkey = RecordKeys.fromIdempotencyKey(idempotencyKey);
		try {
			PostRecord post = compose(session, variant, replyTo);
			StrongRef created = xrpc.procedure(session.endpoint(), "com.atproto.repo.createRecord",
					new CreateRecord(session.accountId(), Lexicon.POST, rkey, post), token(session), StrongRef.class);
			return published(session, created, post.reply() == null ? null : post.reply().root());
		}
		catch (ContentRefused refused) {
			return existing(session, rkey).orElseGet(() -> new Rejected(List.of(refused.violation)));
		}
		catch (XrpcException failure) {
			if (failure.rateLimited() || failure.credentialsRefused()) {
				return outcome(failure);
			}
			return existing(session, rkey).orElseGet(() -> outcome(failure));
		}
		catch (UncheckedIOException unreadable) {
			return new TransientFailure("could not read a media file: " + unreadable.getMessage());
		}
	}

	/** Deletes one of the channel's posts; a post that is gone already counts as deleted. */
	void delete(ChannelSession session, RemotePostRef post) {
		AtUri uri = AtUri.parse(post.id());
		if (!uri.repo().equals(session.accountId()) && !uri.repo().equals(session.handle())) {
			throw new IllegalArgumentException("not a post of this channel: " + post.id());
		}
		try {
			xrpc.procedure(session.endpoint(), "com.atproto.repo.deleteRecord",
					new DeleteRecord(session.accountId(), uri.collection(), uri.rkey()), token(session),
					JsonNode.class);
		}
		catch (XrpcException failure) {
			if (!failure.isError("RecordNotFound")) {
				throw Failures.of(failure);
			}
		}
	}

	private List<RuleViolation> unsupported(PostVariant variant) {
		List<RuleViolation> violations = new ArrayList<>();
		if (variant.surface() != Surface.BLUESKY_POST) {
			violations.add(violation("surface", "rule.surface.unsupported", Surface.BLUESKY_POST.key(),
					variant.surface().key()));
		}
		for (int i = 0; i < variant.media().size(); i++) {
			MediaItem item = variant.media().get(i);
			if (item.isVideo()) {
				violations.add(violation("media[" + i + "]", "rule.media.video-unsupported", "images",
						item.mimeType()));
			}
			else if (!item.isImage()) {
				violations.add(violation("media[" + i + "]", "rule.media.type-unsupported", "images",
						item.mimeType()));
			}
		}
		if (variant.media().size() > MAX_IMAGES) {
			violations.add(violation("media", "rule.media.too-many", MAX_IMAGES + " images",
					variant.media().size() + " images"));
		}
		return violations;
	}

	private PostRecord compose(ChannelSession session, PostVariant variant, @Nullable RemotePostRef replyTo) {
		Map<String, Optional<String>> dids = new HashMap<>();
		List<Facet> facets = Facets.of(variant.text(),
				handle -> dids.computeIfAbsent(handle, h -> resolveHandle(session, h)).orElse(null));
		String language = variant.language();
		return new PostRecord(variant.text(), TIMESTAMP.format(clock.instant()),
				language == null || language.isBlank() ? null : List.of(language), facets.isEmpty() ? null : facets,
				replyTo == null ? null : replyRef(session, replyTo), embed(session, variant));
	}

	private Optional<String> resolveHandle(ChannelSession session, String handle) {
		try {
			return Optional.of(xrpc.query(session.endpoint(), "com.atproto.identity.resolveHandle",
					List.of(new Xrpc.Param("handle", handle)), token(session), ResolvedHandle.class).did());
		}
		catch (XrpcException failure) {
			if (failure.kind() == XrpcException.Kind.ERROR && failure.status() == 400) {
				return Optional.empty();
			}
			throw failure;
		}
	}

	/** The parent is {@code to}; the root is its thread's root, or the parent itself when it starts the thread. */
	private ReplyRef replyRef(ChannelSession session, RemotePostRef to) {
		String parentCid = to.contentHash();
		StrongRef parent;
		StrongRef rootOfParent = null;
		if (parentCid != null) {
			parent = new StrongRef(to.id(), parentCid);
		}
		else {
			PostView view = lookUp(session, to.id(), "replyTo");
			parent = new StrongRef(view.uri(), view.cid());
			rootOfParent = threadRoot(view.record());
		}
		if (to.rootId() == null) {
			return new ReplyRef(rootOfParent == null ? parent : rootOfParent, parent);
		}
		String rootCid = to.rootContentHash();
		StrongRef root = rootCid != null ? new StrongRef(to.rootId(), rootCid)
				: strongRef(lookUp(session, to.rootId(), "replyTo"));
		return new ReplyRef(root, parent);
	}

	/**
	 * Images, or else a link card ({@link LinkCards}), perhaps inside a quote. A post cannot embed both images and a
	 * card, so with images the link gets no card (and its page is not fetched); it is still a link in the text when the
	 * text has it.
	 */
	private @Nullable Embed embed(ChannelSession session, PostVariant variant) {
		Embed media = null;
		String link = variant.link();
		if (!variant.media().isEmpty()) {
			List<Image> images = new ArrayList<>();
			for (int i = 0; i < variant.media().size(); i++) {
				images.add(upload(session, variant.media().get(i), i));
			}
			media = new Images(images);
		}
		else if (link != null && !link.isBlank()) {
			media = linkCards.card(session, link, variant.options());
		}
		RemotePostRef quoteOf = variant.quoteOf();
		if (quoteOf == null) {
			return media;
		}
		String cid = quoteOf.contentHash();
		QuotedRecord quote = new QuotedRecord(
				cid != null ? new StrongRef(quoteOf.id(), cid) : strongRef(lookUp(session, quoteOf.id(), "quoteOf")));
		return media == null ? quote : new QuotedRecordWithMedia(quote, media);
	}

	private Image upload(ChannelSession session, MediaItem item, int index) {
		JsonNode blob;
		try {
			blob = xrpc.upload(session.endpoint(), "com.atproto.repo.uploadBlob", item.mimeType(), item.bytes().get(),
					token(session), UploadedBlob.class).blob();
		}
		catch (XrpcException failure) {
			if (failure.contentRefused()) {
				throw new ContentRefused(violation("media[" + index + "]", "rule.media.refused", "",
						failure.getMessage()));
			}
			throw failure;
		}
		Integer width = item.width();
		Integer height = item.height();
		AspectRatio ratio = width != null && height != null && width > 0 && height > 0
				? new AspectRatio(width, height) : null;
		return new Image(item.altText(), blob, ratio);
	}

	/** A post by its URI, through the AppView (for its CID and thread root when the caller did not know them). */
	private PostView lookUp(ChannelSession session, String uri, String field) {
		try {
			AtUri.parse(uri);
		}
		catch (IllegalArgumentException ex) {
			throw new ContentRefused(violation(field, "rule.bluesky.post-not-found", "", uri));
		}
		List<PostView> posts = xrpc.query(session.endpoint(), "app.bsky.feed.getPosts",
				List.of(new Xrpc.Param("uris", uri)), token(session), Posts.class).all();
		if (posts.isEmpty()) {
			throw new ContentRefused(violation(field, "rule.bluesky.post-not-found", "", uri));
		}
		return posts.get(0);
	}

	private static @Nullable StrongRef threadRoot(JsonNode record) {
		JsonNode root = record.path("reply").path("root");
		return root.path("uri").isString() && root.path("cid").isString()
				? new StrongRef(root.path("uri").stringValue(), root.path("cid").stringValue()) : null;
	}

	private static StrongRef strongRef(PostView view) {
		return new StrongRef(view.uri(), view.cid());
	}

	/** The record already written under this key by an earlier attempt, if any. */
	private Optional<PublishResult> existing(ChannelSession session, String rkey) {
		StoredRecord stored;
		try {
			stored = xrpc.query(session.endpoint(), "com.atproto.repo.getRecord",
					List.of(new Xrpc.Param("repo", session.accountId()), new Xrpc.Param("collection", Lexicon.POST),
							new Xrpc.Param("rkey", rkey)),
					token(session), StoredRecord.class);
		}
		catch (XrpcException notThere) {
			// not found, or the PDS cannot say: the original failure stands
			return Optional.empty();
		}
		if (stored.cid() == null) {
			return Optional.empty();
		}
		return Optional.of(published(session, new StrongRef(stored.uri(), stored.cid()), threadRoot(stored.value())));
	}

	private Published published(ChannelSession session, StrongRef post, @Nullable StrongRef root) {
		boolean reply = root != null && !root.uri().equals(post.uri());
		RemotePostRef ref = new RemotePostRef(post.uri(), post.cid(), reply ? root.uri() : null,
				reply ? root.cid() : null);
		return new Published(ref, webUrl(session, post.uri()), clock.instant());
	}

	static String webUrl(ChannelSession session, String postUri) {
		String author = session.handle().isBlank() ? session.accountId() : session.handle();
		return WEB_APP + "/profile/" + author + "/post/" + AtUri.parse(postUri).rkey();
	}

	/**
	 * A failure as a publish outcome. An expired access token is a {@link PublishResult.SessionExpired}: the caller refreshes the
	 * session and tries again with the same idempotency key. Only credentials refused otherwise (an invalid token, a
	 * suspended account) need a person.
	 */
	private PublishResult outcome(XrpcException failure) {
		if (failure.rateLimited()) {
			Instant retryAt = failure.retryAt();
			return new RateLimited(retryAt != null ? retryAt : clock.instant().plus(DEFAULT_RATE_LIMIT_WAIT));
		}
		if (failure.transientFailure()) {
			return new TransientFailure(failure.getMessage());
		}
		if (failure.expiredToken()) {
			return new PublishResult.SessionExpired(Failures.SESSION_EXPIRED);
		}
		if (failure.credentialsRefused()) {
			return new ReauthorizationRequired(failure.getMessage());
		}
		if (failure.status() == 400 || failure.status() == 413) {
			return new Rejected(List.of(violation("post", "rule.bluesky.post-refused", "", failure.getMessage())));
		}
		return new TransientFailure(failure.getMessage());
	}

	private static RuleViolation violation(String field, String rule, String limit, String actual) {
		return new RuleViolation(field, rule, limit, actual, NetworkKey.BLUESKY);
	}

	private static String token(ChannelSession session) {
		return session.credentials().accessToken();
	}

	/** The network (or the adapter) cannot take this content; carried out of composing to become a Rejected. */
	private static final class ContentRefused extends RuntimeException {

		private final RuleViolation violation;

		ContentRefused(RuleViolation violation) {
			super(violation.rule(), null, false, false);
			this.violation = violation;
		}
	}
}
