package app.chorus.channels.network.bluesky;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

import tools.jackson.databind.JsonNode;

/**
 * The AT Protocol lexicon shapes the adapter reads and writes, named as in the lexicons ({@code com.atproto.*},
 * {@code app.bsky.*}). Answers keep only the fields the adapter uses; unknown fields are ignored, and an answer that
 * lacks a field the lexicon requires fails to read (so the call counts as not answered by an XRPC service).
 */
final class Lexicon {

	private Lexicon() {
	}

	static final String POST = "app.bsky.feed.post";
	static final String BLOCK = "app.bsky.graph.block";
	static final String THREADGATE = "app.bsky.feed.threadgate";
	/** How many replies a threadgate hides at most (the lexicon's maxLength of hiddenReplies). */
	static final int MAX_HIDDEN_REPLIES = 50;

	/** Refuses an answer without a field its lexicon requires; Jackson reports it as an unreadable answer. */
	private static void required(@Nullable Object... values) {
		for (Object value : values) {
			if (value == null) {
				throw new IllegalArgumentException("a required field is missing");
			}
		}
	}

	// --- com.atproto.server

	record CreateSession(String identifier, String password) {
	}

	/** The answer of createSession and refreshSession. */
	record Session(String did, String handle, String accessJwt, String refreshJwt, @Nullable Boolean active,
			@Nullable String status, @Nullable JsonNode didDoc) {

		Session {
			required(did, handle, accessJwt, refreshJwt);
		}
	}

	// --- com.atproto.identity, app.bsky.actor

	record ResolvedHandle(String did) {

		ResolvedHandle {
			required(did);
		}
	}

	/** app.bsky.actor.defs#profileViewDetailed (and the smaller profile views inside notifications and posts). */
	record Profile(String did, String handle, @Nullable String displayName, @Nullable String avatar,
			@Nullable String description, @Nullable Long followersCount, @Nullable Long followsCount,
			@Nullable Long postsCount, @Nullable ActorViewer viewer) {

		Profile {
			required(did, handle);
		}

		/** Whether the account reading has muted or blocked this one, or is blocked by it. */
		boolean silenced() {
			return viewer != null && (Boolean.TRUE.equals(viewer.muted()) || Boolean.TRUE.equals(viewer.blockedBy())
					|| viewer.blocking() != null);
		}
	}

	/** app.bsky.actor.defs#viewerState: how the account reading relates to this one. */
	record ActorViewer(@Nullable Boolean muted, @Nullable Boolean blockedBy, @Nullable String blocking) {
	}

	// --- com.atproto.repo

	/** com.atproto.repo.strongRef: a record's AT URI and the CID of the version meant. */
	record StrongRef(String uri, String cid) {

		StrongRef {
			required(uri, cid);
		}
	}

	record CreateRecord(String repo, String collection, @Nullable String rkey, Object record) {
	}

	record DeleteRecord(String repo, String collection, String rkey) {
	}

	/** putRecord; {@code swapRecord}, when given, is the CID the record must still have (else the PDS refuses). */
	record PutRecord(String repo, String collection, String rkey, Object record, @Nullable String swapRecord) {
	}

	/** The answer of getRecord: the record's value is kept as JSON. */
	record StoredRecord(String uri, @Nullable String cid, JsonNode value) {

		StoredRecord {
			required(uri, value);
		}
	}

	/** The answer of uploadBlob: the blob reference, written back into records unchanged. */
	record UploadedBlob(JsonNode blob) {

		UploadedBlob {
			required(blob);
		}
	}

	// --- app.bsky.feed

	record Posts(@Nullable List<PostView> posts) {

		List<PostView> all() {
			return posts == null ? List.of() : posts;
		}
	}

	/** app.bsky.feed.defs#postView. A count the AppView left out is null. */
	record PostView(String uri, String cid, @Nullable Profile author, JsonNode record, @Nullable Long likeCount,
			@Nullable Long repostCount, @Nullable Long replyCount, @Nullable Long quoteCount) {

		PostView {
			required(uri, cid, record);
		}
	}

	/** app.bsky.feed.getAuthorFeed: the account's posts and reposts (which carry a {@code reason}), newest first. */
	record AuthorFeed(@Nullable List<FeedItem> feed) {

		List<FeedItem> all() {
			return feed == null ? List.of() : feed;
		}
	}

	/** app.bsky.feed.defs#feedViewPost. */
	record FeedItem(ThreadPost post, @Nullable JsonNode reason) {

		FeedItem {
			required(post);
		}
	}

	/** app.bsky.feed.getPostThread. */
	record PostThread(ThreadItem thread) {

		PostThread {
			required(thread);
		}
	}

	/**
	 * app.bsky.feed.defs#threadViewPost; a {@code notFoundPost} or {@code blockedPost} in its place has no post.
	 */
	record ThreadItem(@Nullable ThreadPost post, @Nullable List<ThreadItem> replies) {

		List<ThreadItem> allReplies() {
			return replies == null ? List.of() : replies;
		}
	}

	/** app.bsky.feed.defs#postView, with what reading a thread needs: who wrote it and when it was indexed. */
	record ThreadPost(String uri, String cid, Profile author, JsonNode record, String indexedAt,
			@Nullable Long replyCount) {

		ThreadPost {
			required(uri, cid, author, record, indexedAt);
		}
	}

	/** app.bsky.feed.post, as the adapter writes it. */
	record PostRecord(@JsonProperty("$type") String type, String text, String createdAt, @Nullable List<String> langs,
			@Nullable List<Facet> facets, @Nullable ReplyRef reply, @Nullable Embed embed) {

		PostRecord(String text, String createdAt, @Nullable List<String> langs, @Nullable List<Facet> facets,
				@Nullable ReplyRef reply, @Nullable Embed embed) {
			this(POST, text, createdAt, langs, facets, reply, embed);
		}
	}

	record ReplyRef(StrongRef root, StrongRef parent) {
	}

	// --- app.bsky.richtext.facet

	/** Annotates the UTF-8 bytes [byteStart, byteEnd) of the text. */
	record Facet(ByteSlice index, List<Feature> features) {
	}

	record ByteSlice(int byteStart, int byteEnd) {
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "$type")
	@JsonSubTypes({ @JsonSubTypes.Type(Mention.class), @JsonSubTypes.Type(Link.class),
			@JsonSubTypes.Type(Tag.class) })
	sealed interface Feature permits Mention, Link, Tag {
	}

	@JsonTypeName("app.bsky.richtext.facet#mention")
	record Mention(String did) implements Feature {
	}

	@JsonTypeName("app.bsky.richtext.facet#link")
	record Link(String uri) implements Feature {
	}

	/** The tag without its leading {@code #}. */
	@JsonTypeName("app.bsky.richtext.facet#tag")
	record Tag(String tag) implements Feature {
	}

	// --- app.bsky.embed

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "$type")
	@JsonSubTypes({ @JsonSubTypes.Type(Images.class), @JsonSubTypes.Type(External.class),
			@JsonSubTypes.Type(QuotedRecord.class), @JsonSubTypes.Type(QuotedRecordWithMedia.class) })
	sealed interface Embed permits Images, External, QuotedRecord, QuotedRecordWithMedia {
	}

	@JsonTypeName("app.bsky.embed.images")
	record Images(List<Image> images) implements Embed {
	}

	/** {@code alt} is required by the lexicon and may be empty. */
	record Image(String alt, JsonNode image, @Nullable AspectRatio aspectRatio) {
	}

	record AspectRatio(int width, int height) {
	}

	@JsonTypeName("app.bsky.embed.external")
	record External(ExternalLink external) implements Embed {
	}

	/** {@code thumb} is an uploaded blob (at most 1,000,000 bytes, app.bsky.embed.external#external). */
	record ExternalLink(String uri, String title, String description, @Nullable JsonNode thumb) {
	}

	@JsonTypeName("app.bsky.embed.record")
	record QuotedRecord(StrongRef record) implements Embed {
	}

	/** A quote with its own images or link card. */
	@JsonTypeName("app.bsky.embed.recordWithMedia")
	record QuotedRecordWithMedia(QuotedRecord record, Embed media) implements Embed {
	}

	// --- app.bsky.notification

	record Notifications(@Nullable String cursor, @Nullable List<Notification> notifications) {

		List<Notification> all() {
			return notifications == null ? List.of() : notifications;
		}
	}

	/** app.bsky.notification.listNotifications#notification; {@code record} is the post (or like...) itself. */
	record Notification(String uri, String cid, Profile author, String reason, @Nullable String reasonSubject,
			JsonNode record, String indexedAt) {

		Notification {
			required(uri, cid, author, reason, record, indexedAt);
		}
	}

	// --- app.bsky.graph, com.atproto.moderation

	record BlockRecord(@JsonProperty("$type") String type, String subject, String createdAt) {

		BlockRecord(String subject, String createdAt) {
			this(BLOCK, subject, createdAt);
		}
	}

	record MuteActor(String actor) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CreateReport(String reasonType, @Nullable String reason, RepoRef subject) {
	}

	record RepoRef(@JsonProperty("$type") String type, String did) {

		RepoRef(String did) {
			this("com.atproto.admin.defs#repoRef", did);
		}
	}
}
