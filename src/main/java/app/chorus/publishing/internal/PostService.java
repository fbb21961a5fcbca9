package app.chorus.publishing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelPermission;
import app.chorus.channels.ChannelView;
import app.chorus.channels.spi.MediaItem;
import app.chorus.channels.spi.NetworkRules;
import app.chorus.channels.spi.Replying;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.Surface;
import app.chorus.media.MediaId;
import app.chorus.media.MediaLibrary;
import app.chorus.media.MediaView;
import app.chorus.publishing.PostCancelled;
import app.chorus.publishing.PostId;
import app.chorus.publishing.PostScheduled;
import app.chorus.publishing.PostStatus;
import app.chorus.publishing.PostSubmitted;
import app.chorus.publishing.internal.Posts.PostRow;
import app.chorus.publishing.internal.Posts.VariantRow;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.ChorusException.FieldProblem;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;

/**
 * Writing posts: one message with a variant per channel, each checked against its network's rules before it may be
 * scheduled; scheduling puts each variant on the engine's schedule in the same transaction that stores it.
 */
@Service
public class PostService {

	static final int MAX_CHANNELS = 100;
	static final int MAX_TEXT = 100_000;
	static final int MAX_THREAD = 25;
	/** A time this far in the past is a mistake, not "now". */
	private static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);

	private final Posts posts;
	private final ApprovalPolicies policies;
	private final app.chorus.publishing.campaigns.Campaigns campaigns;
	private final ChannelManagement channels;
	private final MediaLibrary mediaLibrary;
	private final PostStatuses statuses;
	private final SchedulerClient scheduler;
	private final CustomTask<String> publishTask;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PostService(Posts posts, ApprovalPolicies policies, app.chorus.publishing.campaigns.Campaigns campaigns,
			ChannelManagement channels, MediaLibrary mediaLibrary, PostStatuses statuses, SchedulerClient scheduler,
			CustomTask<String> publishVariantTask, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.posts = posts;
		this.policies = policies;
		this.campaigns = campaigns;
		this.channels = channels;
		this.mediaLibrary = mediaLibrary;
		this.statuses = statuses;
		this.scheduler = scheduler;
		this.publishTask = publishVariantTask;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** What a person asks for. {@code variants} override the text (and surface, options) per channel. */
	public record Draft(@Nullable String text, List<UUID> channelIds, List<VariantDraft> variants,
			@Nullable Instant scheduledAt, boolean publishNow, @Nullable UUID campaignId, List<UUID> mediaIds,
			boolean shortenLinks, List<String> thread) {

		public Draft {
			channelIds = List.copyOf(channelIds);
			variants = List.copyOf(variants);
			mediaIds = List.copyOf(mediaIds);
			thread = List.copyOf(thread);
		}

		public Draft(@Nullable String text, List<UUID> channelIds, List<VariantDraft> variants,
				@Nullable Instant scheduledAt, boolean publishNow, @Nullable UUID campaignId, List<UUID> mediaIds) {
			this(text, channelIds, variants, scheduledAt, publishNow, campaignId, mediaIds, false, List.of());
		}

		public Draft(@Nullable String text, List<UUID> channelIds, List<VariantDraft> variants,
				@Nullable Instant scheduledAt, boolean publishNow, @Nullable UUID campaignId, List<UUID> mediaIds,
				boolean shortenLinks) {
			this(text, channelIds, variants, scheduledAt, publishNow, campaignId, mediaIds, shortenLinks, List.of());
		}

		public Draft(@Nullable String text, List<UUID> channelIds, List<VariantDraft> variants,
				@Nullable Instant scheduledAt, boolean publishNow) {
			this(text, channelIds, variants, scheduledAt, publishNow, null, List.of(), false, List.of());
		}

		/** Every channel the draft names, in order. */
		Set<UUID> allChannelIds() {
			Set<UUID> all = new LinkedHashSet<>(channelIds);
			variants.stream().map(VariantDraft::channelId).filter(java.util.Objects::nonNull).forEach(all::add);
			return all;
		}
	}

	/** A channel's own version; {@code mediaIds} null uses the post's media. */
	/**
	 * A channel's own version; {@code mediaIds} null uses the post's media, {@code thread} null the post's further
	 * parts.
	 */
	public record VariantDraft(@Nullable UUID channelId, @Nullable String text, @Nullable String surface,
			@Nullable Map<String, String> options, @Nullable List<UUID> mediaIds, @Nullable List<String> thread) {

		public VariantDraft(@Nullable UUID channelId, @Nullable String text, @Nullable String surface,
				@Nullable Map<String, String> options) {
			this(channelId, text, surface, options, null, null);
		}

		public VariantDraft(@Nullable UUID channelId, @Nullable String text, @Nullable String surface,
				@Nullable Map<String, String> options, @Nullable List<UUID> mediaIds) {
			this(channelId, text, surface, options, mediaIds, null);
		}
	}

	/** A post as its readers see it. */
	public record PostView(PostId id, PostStatus status, String text, @Nullable Instant scheduledAt,
			UUID authorId, Instant createdAt, Instant updatedAt, List<VariantView> variants,
			@Nullable UUID campaignId) {
	}

	public record VariantView(UUID id, UUID channelId, String network, String surface, String text,
			Map<String, String> options, PostStatus status, @Nullable String heldReason, @Nullable Instant scheduledAt,
			int attempts, @Nullable Instant nextAttemptAt, @Nullable String remoteId, @Nullable String url,
			@Nullable String errorKey, @Nullable String errorDetail, @Nullable Instant publishedAt,
			List<UUID> mediaIds, List<String> thread) {
	}

	public record AttemptView(int number, String node, Instant startedAt, @Nullable Instant finishedAt,
			@Nullable String outcome, @Nullable String detail) {
	}

	public record Created(PostView post, boolean replayed) {
	}

	/**
	 * Makes a post. Without a time it stays a draft; with one (or {@code publishNow}) every variant must meet its
	 * network's rules and the author must be allowed to publish on each channel, then it is scheduled at once (the
	 * workspace's default policy needs no approval). An {@code idempotencyKey} makes a repeated request answer with the
	 * post the first one made.
	 */
	public Created create(Membership membership, AuditActor who, Draft draft, @Nullable String idempotencyKey) {
		requireAllowed(membership, Permission.POSTS_DRAFT);
		WorkspaceId workspace = membership.workspaceId();
		String requestHash = hash(draft.toString());
		if (idempotencyKey != null) {
			Optional<PostRow> earlier = posts.findByIdempotencyKey(workspace, membership.userId(), idempotencyKey);
			if (earlier.isPresent()) {
				return replay(workspace, earlier.get(), requestHash);
			}
		}
		boolean scheduling = draft.publishNow() || draft.scheduledAt() != null;
		Instant now = clock.instant();
		List<FieldProblem> problems = new ArrayList<>();
		String text = draft.text() == null ? "" : draft.text();
		Instant when = draft.publishNow() ? now : draft.scheduledAt();
		List<PlannedVariant> planned = checked(membership, draft, now, problems);
		if (!problems.isEmpty()) {
			throw ChorusException.invalid(problems);
		}
		PostId id = PostId.next();
		List<ApprovalPolicies.Step> steps = scheduling ? policies.stepsFor(workspace, draft.allChannelIds()) : List.of();
		boolean review = !steps.isEmpty();
		PostStatus status = review ? PostStatus.IN_REVIEW : scheduling ? PostStatus.SCHEDULED : PostStatus.DRAFT;
		try {
			transactions.executeWithoutResult(s -> {
				posts.insert(new PostRow(id, workspace, membership.userId(), text, status, when, idempotencyKey,
						requestHash, now, now, draft.campaignId()));
				if (review) {
					posts.startReview(workspace, id, steps, 1);
					events.publishEvent(new PostSubmitted(workspace, who, id, membership.userId(), 1,
							RequestOrigin.current()));
				}
				for (PlannedVariant variant : planned) {
					UUID variantId = Ids.next();
					posts.insert(new VariantRow(variantId, id, workspace, variant.channel().id().value(),
							variant.channel().network(), variant.surface(), variant.position(), variant.text(),
							variant.options(), status, null, when, "chorus-" + variantId, 0, null, null, null, null,
							null, null, null, variant.media(), variant.thread()), now);
					if (status == PostStatus.SCHEDULED) {
						PublishTask.schedule(scheduler, publishTask, workspace, variantId, when);
					}
				}
				if (status == PostStatus.SCHEDULED) {
					events.publishEvent(new PostScheduled(workspace, who, id, membership.userId(),
							when.toString(), planned.size(), RequestOrigin.current()));
				}
			});
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			// the same idempotency key raced in from a parallel request: answer with the post that won
			return replay(workspace, posts.findByIdempotencyKey(workspace, membership.userId(), idempotencyKey)
				.orElseThrow(() -> e), requestHash);
		}
		return new Created(find(workspace, id), false);
	}

	/**
	 * An {@code Idempotency-Key} header as given, or null without one.
	 * @throws ChorusException 422 naming {@code Idempotency-Key} when it is blank or longer than 200 characters
	 */
	public static @Nullable String idempotencyKey(@Nullable String header) {
		if (header != null && (header.isBlank() || header.length() > 200)) {
			throw ChorusException.invalid("Idempotency-Key", "post.idempotency-key.invalid");
		}
		return header;
	}

	/**
	 * The posts made by earlier requests whose idempotency keys started with {@code prefix} (a request that makes
	 * several posts numbers their keys), in the order of their keys.
	 */
	public List<PostView> madeUnder(Membership membership, String prefix) {
		WorkspaceId workspace = membership.workspaceId();
		return posts.findByIdempotencyKeyPrefix(workspace, membership.userId(), prefix).stream()
			.map(row -> find(workspace, row.id())).toList();
	}

	/**
	 * Every problem {@link #create} would refuse the draft for, without making anything (a dry run: bulk import
	 * checks each row this way first).
	 */
	public List<FieldProblem> check(Membership membership, Draft draft) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!membership.can(Permission.POSTS_DRAFT)) {
			problems.add(new FieldProblem("channelIds", "error.forbidden"));
			return problems;
		}
		checked(membership, draft, clock.instant(), problems);
		return problems;
	}

	private List<PlannedVariant> checked(Membership membership, Draft draft, Instant now,
			List<FieldProblem> problems) {
		boolean scheduling = draft.publishNow() || draft.scheduledAt() != null;
		String text = draft.text() == null ? "" : draft.text();
		if (text.length() > MAX_TEXT) {
			problems.add(new FieldProblem("text", "post.text.too-long", MAX_TEXT));
		}
		Instant when = draft.publishNow() ? now : draft.scheduledAt();
		if (!draft.publishNow() && when != null && when.isBefore(now.minus(PAST_TOLERANCE))) {
			problems.add(new FieldProblem("scheduledAt", "post.scheduled-at.past"));
		}
		if (draft.campaignId() != null && campaigns.find(membership.workspaceId(), draft.campaignId()).isEmpty()) {
			problems.add(new FieldProblem("campaignId", "post.campaign.unknown"));
		}
		// a post that goes to review only needs its author to be allowed to draft there: approvers publish it
		boolean review = scheduling && !policies.stepsFor(membership.workspaceId(), draft.allChannelIds()).isEmpty();
		return plan(membership, draft, text, scheduling, review, problems);
	}

	private Created replay(WorkspaceId workspace, PostRow earlier, String requestHash) {
		if (!requestHash.equals(earlier.requestHash())) {
			throw new ChorusException(HttpStatus.UNPROCESSABLE_CONTENT, "post.idempotency-key.reused", "Idempotency-Key");
		}
		return new Created(find(workspace, earlier.id()), true);
	}

	private record PlannedVariant(ChannelView channel, Surface surface, int position, String text,
			Map<String, String> options, List<UUID> media, List<String> thread) {
	}

	private List<PlannedVariant> plan(Membership membership, Draft draft, String text, boolean scheduling,
			boolean review, List<FieldProblem> problems) {
		WorkspaceId workspace = membership.workspaceId();
		Set<UUID> channelIds = new LinkedHashSet<>(draft.channelIds());
		Map<UUID, VariantDraft> overrides = new LinkedHashMap<>();
		for (int i = 0; i < draft.variants().size(); i++) {
			VariantDraft variant = draft.variants().get(i);
			if (variant.channelId() == null) {
				problems.add(new FieldProblem("variants[" + i + "].channelId", "post.channel.required"));
				continue;
			}
			overrides.put(variant.channelId(), variant);
			channelIds.add(variant.channelId());
		}
		if (scheduling && channelIds.isEmpty()) {
			problems.add(new FieldProblem("channelIds", "post.channels.required"));
		}
		if (channelIds.size() > MAX_CHANNELS) {
			problems.add(new FieldProblem("channelIds", "post.channels.too-many", MAX_CHANNELS));
			return List.of();
		}
		List<PlannedVariant> planned = new ArrayList<>();
		int position = 0;
		int index = 0;
		for (UUID channelId : channelIds) {
			// named by the channel's place in the request, so a refusal points at the right channel even when an
			// earlier one was refused too
			String field = "variants[" + index++ + "].";
			Optional<ChannelView> channel = channels.find(workspace, new ChannelId(channelId));
			if (channel.isEmpty()) {
				problems.add(new FieldProblem("channelIds", "post.channel.unknown", channelId.toString()));
				continue;
			}
			ChannelView found = channel.get();
			ChannelPermission needed = scheduling && !review ? ChannelPermission.PUBLISH : ChannelPermission.DRAFT;
			if (!channels.may(membership, found.id(), needed)) {
				problems.add(new FieldProblem("channelIds", "post.channel.not-allowed", found.name()));
				continue;
			}
			VariantDraft override = overrides.get(channelId);
			String variantText = override != null && override.text() != null ? override.text() : text;
			Surface surface = Surface.primary(found.network());
			if (override != null && override.surface() != null) {
				Optional<Surface> chosen = Surface.fromKey(override.surface())
					.filter(s -> s.network() == found.network());
				if (chosen.isEmpty()) {
					problems.add(new FieldProblem(field + "surface", "post.surface.unknown", found.name()));
					continue;
				}
				surface = chosen.get();
			}
			Map<String, String> options = override != null && override.options() != null ? override.options()
					: Map.of();
			if (draft.shortenLinks()) {
				Map<String, String> withLinks = new LinkedHashMap<>(options);
				withLinks.put(PublishEngine.SHORTEN_LINKS, "true");
				options = Map.copyOf(withLinks);
			}
			if (scheduling) {
				Optional<NetworkRules> rules = channels.rules(workspace, found.id());
				if (rules.isEmpty()) {
					problems.add(new FieldProblem("channelIds", "post.channel.no-adapter", found.name()));
					continue;
				}
			}
			List<UUID> media = override != null && override.mediaIds() != null ? override.mediaIds()
					: draft.mediaIds();
			List<MediaItem> items = new ArrayList<>();
			for (int m = 0; m < media.size(); m++) {
				Optional<MediaView> mediaView = mediaLibrary.find(workspace, new MediaId(media.get(m)));
				if (mediaView.isEmpty()) {
					problems.add(new FieldProblem(field + "media[" + m + "]", "post.media.unknown"));
					continue;
				}
				items.add(mediaLibrary.item(workspace, mediaView.get().id(), surface));
			}
			List<String> thread = override != null && override.thread() != null ? override.thread() : draft.thread();
			if (thread.size() > MAX_THREAD) {
				problems.add(new FieldProblem(field + "thread", "post.thread.too-long", MAX_THREAD));
			}
			if (!thread.isEmpty() && !channels.network(found).map(n -> n instanceof Replying).orElse(false)) {
				problems.add(new FieldProblem(field + "thread", "post.thread.unsupported", found.name()));
			}
			if (scheduling) {
				NetworkRules rules = channels.rules(workspace, found.id()).orElseThrow();
				problems.addAll(VariantRules.check(rules,
						new PostVariant(surface, variantText, items, null, null, null, null, options), field));
				for (int t = 0; t < thread.size(); t++) {
					problems.addAll(VariantRules.check(rules, PostVariant.text(surface, thread.get(t)),
							field + "thread[" + t + "]."));
				}
			}
			planned.add(new PlannedVariant(found, surface, position++, variantText, options, media, thread));
		}
		return planned;
	}

	public PostView find(WorkspaceId workspace, PostId id) {
		PostRow post = posts.find(workspace, id).orElseThrow(() -> ChorusException.notFound("post"));
		return view(post, posts.variants(workspace, id));
	}

	public List<PostView> page(WorkspaceId workspace, @Nullable PostStatus status, @Nullable UUID channel,
			@Nullable PostView after, int limit) {
		return page(workspace, status, channel, null, after, limit);
	}

	/** Newest first, filtered by status, channel and campaign (each {@code null}: any). */
	public List<PostView> page(WorkspaceId workspace, @Nullable PostStatus status, @Nullable UUID channel,
			@Nullable UUID campaign, @Nullable PostView after, int limit) {
		return posts.page(workspace, status, channel, campaign, after == null ? null : after.createdAt(),
				after == null ? null : after.id().value(), limit)
			.stream().map(p -> view(p, posts.variants(workspace, p.id()))).toList();
	}

	/** A post and the moment the calendar shows it at: when it went out once published, else its time. */
	public record DatedPost(PostView post, Instant at) {
	}

	/**
	 * The posts placed in {@code [from, to)}, earliest first, at most {@code limit}: filtered by status (withdrawn posts
	 * only when asked for), by a channel one of their variants goes to, and by campaign. Drafts without a time are not
	 * placed anywhere. The caller bounds the range.
	 */
	public List<DatedPost> between(WorkspaceId workspace, Instant from, Instant to, @Nullable PostStatus status,
			@Nullable UUID channel, @Nullable UUID campaign, int limit) {
		List<Posts.DatedPost> dated = posts.between(workspace, from, to, status, channel, campaign, limit);
		Map<PostId, List<VariantRow>> variants = new LinkedHashMap<>();
		for (VariantRow variant : posts.variantsOf(workspace, dated.stream().map(d -> d.post().id()).toList())) {
			variants.computeIfAbsent(variant.postId(), p -> new ArrayList<>()).add(variant);
		}
		return dated.stream()
			.map(d -> new DatedPost(view(d.post(), variants.getOrDefault(d.post().id(), List.of())), d.at()))
			.toList();
	}

	public List<AttemptView> attempts(WorkspaceId workspace, PostId post, UUID variant) {
		find(workspace, post);
		return posts.attempts(workspace, variant).stream()
			.map(a -> new AttemptView(a.number(), a.node(), a.startedAt(), a.finishedAt(), a.outcome(), a.detail()))
			.toList();
	}

	/**
	 * Rewrites a post nobody has sent yet (a draft, or one sent back with changes asked for): its text, channels,
	 * variants, time and campaign. Its status stays; {@link #submit} moves it on.
	 */
	public PostView edit(Membership membership, AuditActor who, PostId id, Draft draft) {
		requireAllowed(membership, Permission.POSTS_DRAFT);
		WorkspaceId workspace = membership.workspaceId();
		Instant now = clock.instant();
		Draft asDraft = new Draft(draft.text(), draft.channelIds(), draft.variants(), null, false,
				draft.campaignId(), draft.mediaIds(), draft.shortenLinks(), draft.thread());
		List<FieldProblem> problems = new ArrayList<>();
		List<PlannedVariant> planned = checked(membership, asDraft, now, problems);
		if (draft.scheduledAt() != null && draft.scheduledAt().isBefore(now.minus(PAST_TOLERANCE))) {
			problems.add(new FieldProblem("scheduledAt", "post.scheduled-at.past"));
		}
		if (!problems.isEmpty()) {
			throw ChorusException.invalid(problems);
		}
		transactions.executeWithoutResult(s -> {
			PostRow post = posts.lockPost(workspace, id).orElseThrow(() -> ChorusException.notFound("post"));
			requireAuthorOrPublisher(membership, post);
			if (post.status() != PostStatus.DRAFT && post.status() != PostStatus.CHANGES_REQUESTED) {
				throw new ChorusException(HttpStatus.CONFLICT, "post.edit.not-editable", null);
			}
			String text = draft.text() == null ? "" : draft.text();
			posts.deleteVariants(workspace, id);
			posts.rewrite(workspace, id, text, draft.scheduledAt(), post.status(), now);
			posts.setCampaign(workspace, id, draft.campaignId());
			insertVariants(workspace, id, planned, post.status(), draft.scheduledAt(), now);
		});
		return find(workspace, id);
	}

	/**
	 * Sends a draft (or a post whose changes were made) on its way at {@code at}, or now: it must meet every network's
	 * rules; then it waits for approval when a policy asks for it, else it is scheduled.
	 */
	public PostView submit(Membership membership, AuditActor who, PostId id, @Nullable Instant at,
			boolean publishNow) {
		requireAllowed(membership, Permission.POSTS_DRAFT);
		WorkspaceId workspace = membership.workspaceId();
		Instant now = clock.instant();
		if (!publishNow && at == null) {
			throw ChorusException.invalid("scheduledAt", "post.scheduled-at.required");
		}
		PostView current = find(workspace, id);
		Draft draft = new Draft(current.text(), current.variants().stream().map(VariantView::channelId).toList(),
				current.variants().stream().map(v -> new VariantDraft(v.channelId(), v.text(), v.surface(),
						v.options(), v.mediaIds(), v.thread())).toList(),
				at, publishNow, current.campaignId(), List.of(), false, List.of());
		List<FieldProblem> problems = new ArrayList<>();
		List<PlannedVariant> planned = checked(membership, draft, now, problems);
		if (!problems.isEmpty()) {
			throw ChorusException.invalid(problems);
		}
		Instant when = publishNow ? now : at;
		transactions.executeWithoutResult(s -> {
			PostRow post = posts.lockPost(workspace, id).orElseThrow(() -> ChorusException.notFound("post"));
			requireAuthorOrPublisher(membership, post);
			if (post.status() != PostStatus.DRAFT && post.status() != PostStatus.CHANGES_REQUESTED) {
				throw new ChorusException(HttpStatus.CONFLICT, "post.submit.not-a-draft", null);
			}
			List<ApprovalPolicies.Step> steps = policies.stepsFor(workspace, draft.allChannelIds());
			PostStatus status = steps.isEmpty() ? PostStatus.SCHEDULED : PostStatus.IN_REVIEW;
			posts.deleteVariants(workspace, id);
			posts.rewrite(workspace, id, post.text(), when, status, now);
			insertVariants(workspace, id, planned, status, when, now);
			if (status == PostStatus.IN_REVIEW) {
				int round = posts.review(workspace, id).round() + 1;
				posts.startReview(workspace, id, steps, round);
				events.publishEvent(new PostSubmitted(workspace, who, id, post.authorId(), round,
						RequestOrigin.current()));
			}
			else {
				events.publishEvent(new PostScheduled(workspace, who, id, post.authorId(), when.toString(),
						planned.size(), RequestOrigin.current()));
			}
		});
		return find(workspace, id);
	}

	/** Puts an approved post's variants on the schedule, at their time or now when it has passed. */
	void scheduleApproved(WorkspaceId workspace, PostId id, AuditActor who) {
		PostRow post = posts.lockPost(workspace, id).orElseThrow(() -> ChorusException.notFound("post"));
		Instant now = clock.instant();
		Instant when = post.scheduledAt() == null || post.scheduledAt().isBefore(now) ? now : post.scheduledAt();
		List<VariantRow> variants = posts.variants(workspace, id);
		for (VariantRow variant : variants) {
			posts.rescheduleVariant(workspace, variant.id(), when, now);
			PublishTask.schedule(scheduler, publishTask, workspace, variant.id(), when);
		}
		posts.updatePostStatus(workspace, id, PostStatus.SCHEDULED, now);
		events.publishEvent(new PostScheduled(workspace, who, id, post.authorId(), when.toString(), variants.size(),
				RequestOrigin.current()));
	}

	private void insertVariants(WorkspaceId workspace, PostId id, List<PlannedVariant> planned, PostStatus status,
			@Nullable Instant when, Instant now) {
		for (PlannedVariant variant : planned) {
			UUID variantId = Ids.next();
			posts.insert(new VariantRow(variantId, id, workspace, variant.channel().id().value(),
					variant.channel().network(), variant.surface(), variant.position(), variant.text(),
					variant.options(), status, null, when, "chorus-" + variantId, 0, null, null, null, null, null,
					null, null, variant.media(), variant.thread()), now);
			if (status == PostStatus.SCHEDULED && when != null) {
				PublishTask.schedule(scheduler, publishTask, workspace, variantId, when);
			}
		}
	}

	/** Withdraws a post that has not gone out: its variants still waiting are cancelled; published ones stay. */
	public PostView cancel(Membership membership, AuditActor who, PostId id) {
		requireAllowed(membership, Permission.POSTS_DRAFT);
		WorkspaceId workspace = membership.workspaceId();
		transactions.executeWithoutResult(s -> {
			PostRow post = posts.lockPost(workspace, id).orElseThrow(() -> ChorusException.notFound("post"));
			requireAuthorOrPublisher(membership, post);
			Instant now = clock.instant();
			for (VariantRow variant : posts.variants(workspace, id)) {
				if (variant.status() == PostStatus.PUBLISHING) {
					throw new ChorusException(HttpStatus.CONFLICT, "post.cancel.publishing", null);
				}
			}
			for (VariantRow variant : posts.variants(workspace, id)) {
				if (!variant.status().settled()) {
					posts.updateVariantStatus(workspace, variant.id(), PostStatus.CANCELLED, null, null, now);
					scheduler.cancel(publishTask.instance(variant.id().toString()));
				}
			}
			posts.updatePostStatus(workspace, id, PostStatus.CANCELLED, now);
			events.publishEvent(new PostCancelled(workspace, who, id, post.authorId(),
					RequestOrigin.current()));
		});
		return find(workspace, id);
	}

	/**
	 * Moves a scheduled post (its waiting and held variants) to a new time, or a draft's planned time (the draft stays a
	 * draft and nothing goes on the schedule). Either needs the right to publish on the channels concerned.
	 */
	public PostView reschedule(Membership membership, AuditActor who, PostId id, @Nullable Instant at) {
		requireAllowed(membership, Permission.POSTS_PUBLISH);
		WorkspaceId workspace = membership.workspaceId();
		Instant now = clock.instant();
		if (at == null) {
			throw ChorusException.invalid("scheduledAt", "post.scheduled-at.required");
		}
		if (at.isBefore(now.minus(PAST_TOLERANCE))) {
			throw ChorusException.invalid("scheduledAt", "post.scheduled-at.past");
		}
		transactions.executeWithoutResult(s -> {
			PostRow post = posts.lockPost(workspace, id).orElseThrow(() -> ChorusException.notFound("post"));
			requireAuthorOrPublisher(membership, post);
			if (post.status() == PostStatus.DRAFT) {
				for (VariantRow variant : posts.variants(workspace, id)) {
					if (!channels.may(membership, new ChannelId(variant.channelId()), ChannelPermission.PUBLISH)) {
						throw ChorusException.forbidden("error.forbidden");
					}
				}
				posts.moveDraft(workspace, id, at, now);
				return;
			}
			int moved = 0;
			for (VariantRow variant : posts.variants(workspace, id)) {
				if (variant.status() == PostStatus.SCHEDULED || variant.status() == PostStatus.HELD) {
					if (!channels.may(membership, new ChannelId(variant.channelId()), ChannelPermission.PUBLISH)) {
						throw ChorusException.forbidden("error.forbidden");
					}
					posts.rescheduleVariant(workspace, variant.id(), at, now);
					PublishTask.schedule(scheduler, publishTask, workspace, variant.id(), at);
					moved++;
				}
			}
			if (moved == 0) {
				throw new ChorusException(HttpStatus.CONFLICT, "post.reschedule.nothing", null);
			}
			posts.reschedulePost(workspace, id, at, now);
			statuses.refresh(workspace, id);
			events.publishEvent(new PostScheduled(workspace, who, id, post.authorId(), at.toString(),
					moved, RequestOrigin.current()));
		});
		return find(workspace, id);
	}

	/** Puts variants back on the schedule at {@code at} (used by the crisis switch and re-authorised channels). */
	void release(WorkspaceId workspace, List<VariantRow> variants, Instant at) {
		Instant now = clock.instant();
		for (VariantRow variant : variants) {
			posts.rescheduleVariant(workspace, variant.id(), at, now);
			PublishTask.schedule(scheduler, publishTask, workspace, variant.id(), at);
			statuses.refresh(workspace, variant.postId());
		}
	}

	private static void requireAllowed(Membership membership, Permission permission) {
		if (!membership.can(permission)) {
			throw ChorusException.forbidden("error.forbidden");
		}
	}

	private static void requireAuthorOrPublisher(Membership membership, PostRow post) {
		if (!post.authorId().equals(membership.userId()) && !membership.can(Permission.POSTS_PUBLISH)) {
			throw ChorusException.forbidden("error.forbidden");
		}
	}

	private static PostView view(PostRow post, List<VariantRow> variants) {
		return new PostView(post.id(), post.status(), post.text(), post.scheduledAt(), post.authorId().value(),
				post.createdAt(), post.updatedAt(), variants.stream().map(PostService::view).toList(),
				post.campaignId());
	}

	private static VariantView view(VariantRow v) {
		return new VariantView(v.id(), v.channelId(), v.network().key(), v.surface().key(), v.text(), v.options(),
				v.status(), v.heldReason(), v.scheduledAt(), v.attempts(), v.nextAttemptAt(), v.remoteId(), v.url(),
				v.errorKey(), v.errorDetail(), v.publishedAt(), v.media(), v.thread());
	}

	private static String hash(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
