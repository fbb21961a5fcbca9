package app.chorus.publishing.queues;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.channels.ChannelDisconnected;
import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelView;
import app.chorus.publishing.PostId;
import app.chorus.publishing.PostQueued;
import app.chorus.publishing.PostStatus;
import app.chorus.publishing.QueueSlotsChanged;
import app.chorus.publishing.internal.PostService;
import app.chorus.publishing.internal.PostService.Draft;
import app.chorus.publishing.internal.PostService.PostView;
import app.chorus.publishing.internal.PostService.VariantView;
import app.chorus.publishing.queues.QueueRecords.QueueRow;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.time.TimeZones;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.ChorusException.FieldProblem;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;

/**
 * Channels' queues: their weekly posting slots, and putting posts into the next free one. A slot is free when no
 * variant of that channel is scheduled for its minute (or held, or waiting for approval), and none was published in
 * it. Placing is serialised per workspace, so two requests at once never take the same slot.
 */
@Service
public class Queues {

	static final int MAX_SLOTS = 100;
	static final int MAX_CHANNELS = 100;
	/** How far ahead a free slot is looked for: a year and a bit, so a weekly slot is found even with a year queued. */
	static final Duration HORIZON = Duration.ofDays(400);
	private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

	private final QueueRecords records;
	private final PostService posts;
	private final ChannelManagement channels;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Queues(QueueRecords records, PostService posts, ChannelManagement channels, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.posts = posts;
		this.channels = channels;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** A channel's queue; {@code zone} is null until someone sets the slots. */
	public record ChannelQueue(ChannelView channel, @Nullable ZoneId zone, List<PostingSlot> slots) {

		public ChannelQueue {
			slots = List.copyOf(slots);
		}
	}

	/** One slot as a person sends it: {@code day} such as {@code MONDAY}, {@code time} as {@code HH:mm}. */
	public record SlotInput(@Nullable String day, @Nullable String time) {
	}

	/** A message to queue; {@code mediaIds} are media library ids for every channel. */
	public record QueueRequest(@Nullable String text, List<UUID> channelIds, List<UUID> mediaIds,
			@Nullable UUID campaignId) {

		public QueueRequest {
			channelIds = List.copyOf(channelIds);
			mediaIds = List.copyOf(mediaIds);
		}
	}

	/** A post coming up on a channel; {@code recycledFrom} is the evergreen post it copies, if it is a copy. */
	public record UpcomingPost(PostId postId, UUID variantId, Instant scheduledAt, PostStatus status, String text,
			@Nullable PostId recycledFrom) {
	}

	/** @throws ChorusException 404 when the workspace has no such channel */
	public ChannelQueue queue(WorkspaceId workspace, ChannelId id) {
		ChannelView channel = channels.find(workspace, id).orElseThrow(() -> ChorusException.notFound("channel"));
		return records.find(workspace, id.value())
			.map(row -> new ChannelQueue(channel, row.zone(), row.slots()))
			.orElseGet(() -> new ChannelQueue(channel, null, List.of()));
	}

	/** Every channel of the workspace with its queue, in the channels module's order. */
	public List<ChannelQueue> queues(WorkspaceId workspace) {
		Map<UUID, QueueRow> rows = new LinkedHashMap<>();
		records.all(workspace, null).forEach(row -> rows.put(row.channelId(), row));
		return channels.all(workspace).stream().map(channel -> {
			QueueRow row = rows.get(channel.id().value());
			return row == null ? new ChannelQueue(channel, null, List.of())
					: new ChannelQueue(channel, row.zone(), row.slots());
		}).toList();
	}

	/**
	 * Replaces the channel's slots and time zone. {@code slots} empty clears the queue.
	 * @throws ChorusException 403 without {@code CHANNELS_MANAGE}; 404 when the workspace has no such channel; 422
	 * naming {@code timeZone}, {@code slots}, {@code slots[i].day}, {@code slots[i].time} or {@code slots[i]} (a
	 * repeated slot)
	 */
	public ChannelQueue replaceSlots(Membership membership, AuditActor who, ChannelId id, @Nullable String timeZone,
			@Nullable List<@Nullable SlotInput> slots) {
		requireAllowed(membership, Permission.CHANNELS_MANAGE);
		WorkspaceId workspace = membership.workspaceId();
		ChannelView channel = channels.find(workspace, id).orElseThrow(() -> ChorusException.notFound("channel"));
		List<FieldProblem> problems = new ArrayList<>();
		ZoneId zone = zone(timeZone, problems);
		List<PostingSlot> checked = slots(slots, problems);
		if (!problems.isEmpty() || zone == null) {
			throw ChorusException.invalid(problems);
		}
		transactions.executeWithoutResult(s -> {
			records.replace(workspace, id.value(), zone, checked, clock.instant());
			events.publishEvent(new QueueSlotsChanged(workspace, who, id.toString(), channel.name(), zone.getId(),
					checked.size(), RequestOrigin.current()));
		});
		return queue(workspace, id);
	}

	private static @Nullable ZoneId zone(@Nullable String timeZone, List<FieldProblem> problems) {
		if (timeZone == null || timeZone.isBlank()) {
			problems.add(new FieldProblem("timeZone", "queue.time-zone.required"));
			return null;
		}
		if (!TimeZones.ALL.contains(timeZone.strip())) {
			problems.add(new FieldProblem("timeZone", "queue.time-zone.invalid"));
			return null;
		}
		return ZoneId.of(timeZone.strip());
	}

	private static List<PostingSlot> slots(@Nullable List<@Nullable SlotInput> slots, List<FieldProblem> problems) {
		if (slots == null) {
			problems.add(new FieldProblem("slots", "queue.slots.required"));
			return List.of();
		}
		if (slots.size() > MAX_SLOTS) {
			problems.add(new FieldProblem("slots", "queue.slots.too-many", MAX_SLOTS));
			return List.of();
		}
		List<PostingSlot> checked = new ArrayList<>();
		Set<PostingSlot> seen = new HashSet<>();
		for (int i = 0; i < slots.size(); i++) {
			SlotInput input = slots.get(i);
			String field = "slots[" + i + "]";
			DayOfWeek day = day(input == null ? null : input.day());
			if (day == null) {
				problems.add(new FieldProblem(field + ".day", "queue.slot.day.invalid"));
			}
			String time = input == null || input.time() == null ? "" : input.time().strip();
			if (!TIME.matcher(time).matches()) {
				problems.add(new FieldProblem(field + ".time", "queue.slot.time.invalid"));
			}
			else if (day != null) {
				PostingSlot slot = new PostingSlot(day, LocalTime.parse(time));
				if (!seen.add(slot)) {
					problems.add(new FieldProblem(field, "queue.slot.duplicate"));
				}
				checked.add(slot);
			}
		}
		return checked;
	}

	private static @Nullable DayOfWeek day(@Nullable String day) {
		if (day == null) {
			return null;
		}
		try {
			return DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** The channel's next free slot from now, if it has slots and one is free within the horizon. */
	public Optional<Instant> nextFree(WorkspaceId workspace, ChannelId id) {
		Optional<QueueRow> queue = records.find(workspace, id.value());
		if (queue.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Instant until = now.plus(HORIZON);
		Set<Instant> held = records.heldMinutes(workspace, id.value(), now, until);
		return queue.get().weekly().nextFree(now, until, held::contains);
	}

	/** The channel's next {@code limit} posts still to go out, soonest first. */
	public List<UpcomingPost> upcoming(WorkspaceId workspace, ChannelId id, int limit) {
		return records.upcoming(workspace, id.value(), clock.instant(), limit).stream()
			.map(u -> new UpcomingPost(u.postId(), u.variantId(), u.scheduledAt(), u.status(), u.text(),
					u.recycledFrom()))
			.toList();
	}

	/**
	 * Puts a message into the next free slot of each channel: one post for the channels whose next free slots
	 * coincide, one more for every other slot time (a post's variants share one time). Either every post is made or
	 * none.
	 * @return the posts made, earliest first
	 * @throws ChorusException 403 without {@code POSTS_PUBLISH}; 422 naming {@code channelIds} for a channel the
	 * workspace does not have, one without slots, or one whose every slot within the horizon is taken, and naming
	 * the fields {@link PostService#create} names for anything else it refuses
	 */
	public List<PostView> add(Membership membership, AuditActor who, QueueRequest request) {
		return add(membership, who, request, null).posts();
	}

	/** What {@link #add} made, and whether an earlier request with the same idempotency key had made it. */
	public record Queued(List<PostView> posts, boolean replayed) {
	}

	/**
	 * {@link #add}, once per {@code idempotencyKey}: a request repeated with the key answers with the posts the first
	 * one made (their keys are the key numbered), and places nothing.
	 * @throws ChorusException 422 naming {@code Idempotency-Key} when the key was used for a different message or
	 * channels
	 */
	public Queued add(Membership membership, AuditActor who, QueueRequest request, @Nullable String idempotencyKey) {
		requireAllowed(membership, Permission.POSTS_PUBLISH);
		String prefix = idempotencyKey == null ? null : "queue:" + idempotencyKey + ":";
		return Objects.requireNonNull(transactions.execute(s -> {
			// placing is one at a time per workspace, so a parallel request with the same key finds this one's posts
			records.lockPlacing(membership.workspaceId());
			Optional<Queued> earlier = prefix == null ? Optional.empty() : earlier(membership, request, prefix);
			if (earlier.isPresent()) {
				return earlier.get();
			}
			int[] made = { 0 };
			return new Queued(place(membership, who, request.channelIds(), (group, at) -> new Draft(request.text(),
					group, List.of(), at, false, request.campaignId(), request.mediaIds()),
					prefix == null ? null : () -> prefix + (++made[0])), false);
		}));
	}

	private Optional<Queued> earlier(Membership membership, QueueRequest request, String prefix) {
		List<PostView> earlier = posts.madeUnder(membership, prefix);
		if (earlier.isEmpty()) {
			return Optional.empty();
		}
		Set<UUID> channels = earlier.stream().flatMap(p -> p.variants().stream()).map(VariantView::channelId)
			.collect(java.util.stream.Collectors.toSet());
		boolean same = earlier.getFirst().text().equals(request.text() == null ? "" : request.text())
				&& channels.equals(Set.copyOf(request.channelIds()));
		if (!same) {
			throw new ChorusException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
					"post.idempotency-key.reused", "Idempotency-Key");
		}
		return Optional.of(new Queued(earlier, true));
	}

	/**
	 * Places posts into the channels' next free slots as {@code membership}. {@code draftFor} makes the post for some
	 * of the channels at a time; it is first asked for all of them at once, so that every refusal is found before
	 * anything is made and names each channel by its place in {@code channelIds}.
	 */
	List<PostView> place(Membership membership, AuditActor who, List<UUID> channelIds,
			BiFunction<List<UUID>, Instant, Draft> draftFor) {
		return place(membership, who, channelIds, draftFor, null);
	}

	/** {@link #place}, each post made under the idempotency key {@code keys} gives next, when there are keys. */
	private List<PostView> place(Membership membership, AuditActor who, List<UUID> channelIds,
			BiFunction<List<UUID>, Instant, Draft> draftFor, @Nullable Supplier<String> keys) {
		WorkspaceId workspace = membership.workspaceId();
		List<UUID> wanted = List.copyOf(new LinkedHashSet<>(channelIds));
		if (wanted.isEmpty()) {
			throw ChorusException.invalid("channelIds", "post.channels.required");
		}
		if (wanted.size() > MAX_CHANNELS) {
			throw ChorusException.invalid("channelIds", "post.channels.too-many", MAX_CHANNELS);
		}
		return Objects.requireNonNull(transactions.execute(s -> {
			records.lockPlacing(workspace);
			QueuePlan plan = plan(workspace, wanted);
			List<FieldProblem> refused = posts.check(membership, draftFor.apply(wanted, plan.posts().getFirst().at()));
			if (!refused.isEmpty()) {
				throw ChorusException.invalid(refused);
			}
			List<PostView> made = new ArrayList<>();
			for (QueuePlan.Placement placement : plan.posts()) {
				PostView post = posts.create(membership, who, draftFor.apply(placement.channelIds(), placement.at()),
						keys == null ? null : keys.get()).post();
				events.publishEvent(new PostQueued(workspace, who, post.id(), placement.at().toString(),
						placement.channelIds().size(), RequestOrigin.current()));
				made.add(post);
			}
			return made;
		}));
	}

	private QueuePlan plan(WorkspaceId workspace, List<UUID> channelIds) {
		Instant now = clock.instant();
		Instant until = now.plus(HORIZON);
		List<FieldProblem> problems = new ArrayList<>();
		Map<UUID, Instant> next = new LinkedHashMap<>();
		for (UUID id : channelIds) {
			Optional<ChannelView> channel = channels.find(workspace, new ChannelId(id));
			if (channel.isEmpty()) {
				problems.add(new FieldProblem("channelIds", "post.channel.unknown", id.toString()));
				continue;
			}
			Optional<QueueRow> queue = records.find(workspace, id).filter(q -> !q.slots().isEmpty());
			if (queue.isEmpty()) {
				problems.add(new FieldProblem("channelIds", "queue.channel.no-slots", channel.get().name()));
				continue;
			}
			Set<Instant> held = records.heldMinutes(workspace, id, now, until);
			Optional<Instant> free = queue.get().weekly().nextFree(now, until, held::contains);
			if (free.isEmpty()) {
				problems.add(new FieldProblem("channelIds", "queue.channel.full", channel.get().name()));
				continue;
			}
			next.put(id, free.get());
		}
		if (!problems.isEmpty()) {
			throw ChorusException.invalid(problems);
		}
		return QueuePlan.of(next);
	}

	/** A disconnected channel's queue goes with it. */
	@ApplicationModuleListener
	void on(ChannelDisconnected event) {
		records.delete(event.workspaceId(), event.channelId().value());
	}

	private static void requireAllowed(Membership membership, Permission permission) {
		if (!membership.can(permission)) {
			throw ChorusException.forbidden("error.forbidden");
		}
	}
}
