package app.chorus.publishing.api;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.PostId;
import app.chorus.publishing.PostStatus;
import app.chorus.publishing.internal.PostReview;
import app.chorus.publishing.internal.LostAnswers;
import app.chorus.publishing.internal.PostService;
import app.chorus.publishing.internal.PostService.PostView;
import app.chorus.publishing.internal.PostService.VariantView;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.Page;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Posts: write once, a variant per channel, scheduled or sent now, each variant's fate at its network. */
@RestController
@RequestMapping("/api/v1/posts")
@Tag(name = "Posts", description = "Posts and their per-channel variants: drafts, scheduling, publishing")
class PostsApi {

	private static final int PAGE = 50;

	private final PostService posts;
	private final LostAnswers lostAnswers;
	private final PostReview reviews;
	private final MessageSource messages;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	PostsApi(PostService posts, LostAnswers lostAnswers, PostReview reviews, WorkspaceContext context,
			CurrentUser currentUser, MessageSource messages) {
		this.posts = posts;
		this.lostAnswers = lostAnswers;
		this.reviews = reviews;
		this.messages = messages;
		this.context = context;
		this.currentUser = currentUser;
	}

	record VariantBody(@Nullable UUID channelId, @Nullable String text, @Nullable String surface,
			@Nullable Map<String, String> options, @Nullable List<UUID> media, @Nullable List<String> thread) {
	}

	/**
	 * {@code media}: media library ids, in order, for every variant that does not name its own. {@code shortenLinks}:
	 * links in the text become Chorus short links tagged with UTM parameters (network, campaign) when published.
	 * {@code thread}: further parts, each published as a reply to the one before; {@code firstComment}: one more part
	 * after them (on Bluesky and Mastodon a first comment is the account's own first reply).
	 */
	record PostBody(@Nullable String text, @Nullable List<UUID> channelIds, @Nullable List<VariantBody> variants,
			@Nullable String scheduledAt, @Nullable Boolean publishNow, @Nullable UUID campaignId,
			@Nullable List<UUID> media, @Nullable Boolean shortenLinks, @Nullable List<String> thread,
			@Nullable String firstComment) {
	}

	record SubmitBody(@Nullable String scheduledAt, @Nullable Boolean publishNow) {
	}

	record DecisionBody(@Nullable String comment) {
	}

	record ScheduleBody(@Nullable String scheduledAt) {
	}

	record ConfirmBody(@Nullable String url) {
	}

	record VariantResource(UUID id, UUID channelId, String network, String surface, String text,
			Map<String, String> options, String status, @Nullable String heldReason, @Nullable Instant scheduledAt,
			int attempts, @Nullable Instant nextAttemptAt, @Nullable String remoteId, @Nullable String url,
			@Nullable String error, @Nullable String errorKey, @Nullable String errorDetail,
			@Nullable Instant publishedAt, List<UUID> media, List<String> thread) {
	}

	record PostResource(UUID id, String status, String text, @Nullable Instant scheduledAt, UUID authorId,
			Instant createdAt, Instant updatedAt, @Nullable UUID campaignId, List<VariantResource> variants) {
	}

	@Operation(summary = "Write a post: a draft without scheduledAt; scheduled with it (or publishNow); "
			+ "an Idempotency-Key header makes a repeated request answer with the first post")
	@PostMapping
	ResponseEntity<PostResource> create(@RequestBody PostBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		PostService.Created created = posts.create(membership, actor(), draft(body),
				PostService.idempotencyKey(idempotencyKey));
		PostResource resource = resource(created.post());
		return ResponseEntity.created(URI.create("/api/v1/posts/" + resource.id())).body(resource);
	}

	@Operation(summary = "The workspace's posts, newest first; filter by status and channel")
	@GetMapping
	Page<PostResource> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID channelId,
			@RequestParam(required = false) @Nullable String cursor) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		PostStatus wanted = status == null ? null : PostStatus.fromKey(status.toLowerCase(Locale.ROOT))
			.orElseThrow(() -> ChorusException.invalid("status", "error.parameter", "status"));
		PostView after = cursor == null ? null : posts.find(membership.workspaceId(), decode(cursor));
		List<PostView> page = posts.page(membership.workspaceId(), wanted, channelId, after, PAGE + 1);
		String next = page.size() > PAGE ? encode(page.get(PAGE - 1).id()) : null;
		return new Page<>(page.stream().limit(PAGE).map(this::resource).toList(), next);
	}

	@GetMapping("/{id}")
	PostResource post(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return resource(posts.find(membership.workspaceId(), new PostId(id)));
	}

	@Operation(summary = "Every attempt to hand one variant to its network")
	@GetMapping("/{id}/variants/{variantId}/attempts")
	Page<PostService.AttemptView> attempts(@PathVariable UUID id, @PathVariable UUID variantId) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return Page.of(posts.attempts(membership.workspaceId(), new PostId(id), variantId));
	}

	@Operation(summary = "Move a scheduled or held post to a new time, or a draft's planned time (it stays a draft)")
	@PostMapping("/{id}/schedule")
	PostResource schedule(@PathVariable UUID id, @RequestBody ScheduleBody body) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		return resource(posts.reschedule(membership, actor(), new PostId(id), instant("scheduledAt",
				body.scheduledAt())));
	}

	@Operation(summary = "A variant whose answer was lost went out after all: mark it published, optionally with the "
			+ "address of the live post; 409 unless the variant is needs_confirmation")
	@PostMapping("/{id}/variants/{variantId}/confirm")
	PostResource confirm(@PathVariable UUID id, @PathVariable UUID variantId,
			@RequestBody(required = false) @Nullable ConfirmBody body) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		return resource(lostAnswers.confirmPublished(membership, actor(), new PostId(id), variantId,
				body == null ? null : body.url()));
	}

	@Operation(summary = "A variant whose answer was lost did not go out: send it again now with the same "
			+ "idempotency key; 409 unless the variant is needs_confirmation")
	@PostMapping("/{id}/variants/{variantId}/resend")
	PostResource resend(@PathVariable UUID id, @PathVariable UUID variantId) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		return resource(lostAnswers.resend(membership, actor(), new PostId(id), variantId));
	}

	@Operation(summary = "Withdraw a post that has not gone out")
	@DeleteMapping("/{id}")
	PostResource cancel(@PathVariable UUID id) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		return resource(posts.cancel(membership, actor(), new PostId(id)));
	}

	@Operation(summary = "Rewrite a draft, or a post sent back with changes asked for (text, channels, variants, "
			+ "media, time, campaign)")
	@PatchMapping("/{id}")
	PostResource edit(@PathVariable UUID id, @RequestBody PostBody body) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		return resource(posts.edit(membership, actor(), new PostId(id), draft(body)));
	}

	@Operation(summary = "Send a draft on its way at scheduledAt (or publishNow): to review when an approval policy "
			+ "asks for it, else onto the schedule")
	@PostMapping("/{id}/submit")
	PostResource submit(@PathVariable UUID id, @RequestBody SubmitBody body) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		return resource(posts.submit(membership, actor(), new PostId(id), instant("scheduledAt", body.scheduledAt()),
				Boolean.TRUE.equals(body.publishNow())));
	}

	@Operation(summary = "Where a post in review stands: its steps, the step reached, every decision")
	@GetMapping("/{id}/review")
	PostReview.Standing review(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return reviews.standing(membership, new PostId(id));
	}

	@Operation(summary = "Approve the current review step (the last approval schedules the post)")
	@PostMapping("/{id}/approve")
	PostReview.Standing approve(@PathVariable UUID id, @RequestBody(required = false) @Nullable DecisionBody body) {
		Membership membership = context.require(Permission.POSTS_APPROVE);
		return reviews.approve(membership, actor(), new PostId(id), body == null ? null : body.comment());
	}

	@Operation(summary = "Send the post back to its author with a comment saying what to change")
	@PostMapping("/{id}/request-changes")
	PostReview.Standing requestChanges(@PathVariable UUID id, @RequestBody DecisionBody body) {
		Membership membership = context.require(Permission.POSTS_APPROVE);
		return reviews.requestChanges(membership, actor(), new PostId(id), body.comment());
	}

	private PostService.Draft draft(PostBody body) {
		return new PostService.Draft(body.text(), body.channelIds() == null ? List.of() : body.channelIds(),
				body.variants() == null ? List.of() : body.variants().stream()
					.map(v -> new PostService.VariantDraft(v.channelId(), v.text(), v.surface(), v.options(),
							v.media(), v.thread()))
					.toList(),
				instant("scheduledAt", body.scheduledAt()), Boolean.TRUE.equals(body.publishNow()), body.campaignId(),
				body.media() == null ? List.of() : body.media(), Boolean.TRUE.equals(body.shortenLinks()),
				thread(body));
	}

	/**
	 * The variant's problem in the caller's language. A network rule that was broken at publishing time is named by
	 * its key (its figures are in {@code errorDetail}), so it reads as the network's refusal.
	 */
	private @Nullable String error(@Nullable String key) {
		if (key == null) {
			return null;
		}
		String shown = key.startsWith("publishing.error.") ? key : "publishing.error.refused";
		return messages.getMessage(shown, null, shown, LocaleContextHolder.getLocale());
	}

	private static List<String> thread(PostBody body) {
		List<String> parts = new java.util.ArrayList<>(body.thread() == null ? List.of() : body.thread());
		if (body.firstComment() != null && !body.firstComment().isBlank()) {
			parts.add(body.firstComment());
		}
		return parts;
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}

	private static @Nullable Instant instant(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			try {
				return java.time.OffsetDateTime.parse(value.strip()).toInstant();
			}
			catch (DateTimeParseException again) {
				throw ChorusException.invalid(field, "post.scheduled-at.format");
			}
		}
	}

	private static String encode(PostId id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id.toString().getBytes());
	}

	private static PostId decode(String cursor) {
		try {
			return new PostId(UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor))));
		}
		catch (IllegalArgumentException e) {
			throw ChorusException.invalid("cursor", "error.parameter", "cursor");
		}
	}

	PostResource resource(PostView post) {
		return new PostResource(post.id().value(), post.status().key(), post.text(), post.scheduledAt(),
				post.authorId(), post.createdAt(), post.updatedAt(), post.campaignId(),
				post.variants().stream().map(this::resource).toList());
	}

	private VariantResource resource(VariantView v) {
		return new VariantResource(v.id(), v.channelId(), v.network(), v.surface(), v.text(), v.options(),
				v.status().key(), v.heldReason(), v.scheduledAt(), v.attempts(), v.nextAttemptAt(), v.remoteId(),
				v.url(), error(v.errorKey()), v.errorKey(), v.errorDetail(), v.publishedAt(), v.mediaIds(), v.thread());
	}
}
