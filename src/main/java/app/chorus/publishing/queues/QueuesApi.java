package app.chorus.publishing.queues;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.channels.ChannelId;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.internal.PostService;
import app.chorus.publishing.internal.PostService.PostView;
import app.chorus.publishing.internal.PostService.VariantView;
import app.chorus.publishing.queues.Queues.ChannelQueue;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.Page;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Posting slots per channel, and adding posts to the queue. */
@RestController
@Tag(name = "Queues", description = "Weekly posting slots per channel; posts added to the queue take the next free slot")
class QueuesApi {

	/** Posts listed per channel in {@code GET /api/v1/queue}. */
	static final int UPCOMING = 20;

	private final Queues queues;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	QueuesApi(Queues queues, WorkspaceContext context, CurrentUser currentUser) {
		this.queues = queues;
		this.context = context;
		this.currentUser = currentUser;
	}

	/** {@code day}: MONDAY … SUNDAY; {@code time}: HH:mm, in the queue's time zone. */
	record SlotBody(@Nullable String day, @Nullable String time) {
	}

	/** {@code timeZone}: an IANA zone such as Europe/Copenhagen; {@code slots}: every slot (at most 100). */
	record SlotsBody(@Nullable String timeZone, @Nullable List<@Nullable SlotBody> slots) {
	}

	record SlotResource(String day, String time) {
	}

	record SlotsResource(UUID channelId, @Nullable String timeZone, List<SlotResource> slots,
			@Nullable Instant nextFreeSlot) {
	}

	/** {@code media}: media library ids, in order. */
	record QueueBody(@Nullable String text, @Nullable List<UUID> channelIds, @Nullable List<UUID> media,
			@Nullable UUID campaignId) {
	}

	record QueuedPostResource(UUID id, String status, @Nullable Instant scheduledAt, List<UUID> channelIds,
			String text) {
	}

	record QueuedResource(List<QueuedPostResource> posts) {
	}

	record UpcomingResource(UUID postId, UUID variantId, Instant scheduledAt, String status, String text,
			@Nullable UUID recycledFrom) {
	}

	record ChannelQueueResource(UUID channelId, String name, String network, @Nullable String timeZone,
			List<SlotResource> slots, @Nullable Instant nextFreeSlot, List<UpcomingResource> upcoming) {
	}

	@Operation(summary = "A channel's weekly posting slots, its queue's time zone and its next free slot")
	@GetMapping("/api/v1/channels/{channelId}/slots")
	SlotsResource slots(@PathVariable UUID channelId) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return resource(queues.queue(membership.workspaceId(), new ChannelId(channelId)), membership);
	}

	@Operation(summary = "Replace a channel's posting slots: {\"timeZone\":\"Europe/Copenhagen\",\"slots\":"
			+ "[{\"day\":\"MONDAY\",\"time\":\"09:30\"}]}; an empty list clears them; at most 100")
	@PutMapping("/api/v1/channels/{channelId}/slots")
	SlotsResource replaceSlots(@PathVariable UUID channelId, @RequestBody SlotsBody body) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		List<Queues.SlotInput> slots = body.slots() == null ? null : body.slots().stream()
			.map(s -> s == null ? null : new Queues.SlotInput(s.day(), s.time())).toList();
		return resource(queues.replaceSlots(membership, actor(), new ChannelId(channelId), body.timeZone(), slots),
				membership);
	}

	@Operation(summary = "Every channel's queue: slots, next free slot and the next posts to go out")
	@GetMapping("/api/v1/queue")
	Page<ChannelQueueResource> queue(@RequestParam(required = false) @Nullable UUID channelId) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		List<ChannelQueue> all = channelId == null ? queues.queues(membership.workspaceId())
				: List.of(queues.queue(membership.workspaceId(), new ChannelId(channelId)));
		return Page.of(all.stream().map(q -> {
			ChannelId id = q.channel().id();
			return new ChannelQueueResource(id.value(), q.channel().name(), q.channel().network().key(),
					q.zone() == null ? null : q.zone().getId(), slots(q),
					queues.nextFree(membership.workspaceId(), id).orElse(null),
					queues.upcoming(membership.workspaceId(), id, UPCOMING).stream()
						.map(u -> new UpcomingResource(u.postId().value(), u.variantId(), u.scheduledAt(),
								u.status().key(), u.text(), u.recycledFrom() == null ? null : u.recycledFrom().value()))
						.toList());
		}).toList());
	}

	@Operation(summary = "Add a post to the queue: it goes into the next free slot of each channel (one post for the "
			+ "channels whose next free slots coincide, one more for each other time); Location names the first; "
			+ "an Idempotency-Key header makes a repeated request answer with the posts the first one made")
	@PostMapping("/api/v1/queue")
	ResponseEntity<QueuedResource> add(@RequestBody QueueBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		List<PostView> made = queues.add(membership, actor(), new Queues.QueueRequest(body.text(),
				body.channelIds() == null ? List.of() : body.channelIds(), body.media() == null ? List.of()
						: body.media(), body.campaignId()), PostService.idempotencyKey(idempotencyKey)).posts();
		return ResponseEntity.created(URI.create("/api/v1/posts/" + made.getFirst().id()))
			.body(new QueuedResource(made.stream().map(p -> new QueuedPostResource(p.id().value(), p.status().key(),
					p.scheduledAt(), p.variants().stream().map(VariantView::channelId).toList(), p.text())).toList()));
	}

	private SlotsResource resource(ChannelQueue queue, Membership membership) {
		return new SlotsResource(queue.channel().id().value(), queue.zone() == null ? null : queue.zone().getId(),
				slots(queue), queues.nextFree(membership.workspaceId(), queue.channel().id()).orElse(null));
	}

	private static List<SlotResource> slots(ChannelQueue queue) {
		return queue.slots().stream().map(s -> new SlotResource(s.day().name(), s.time().toString())).toList();
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}
}
