package app.chorus.publishing.queues;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.PostId;
import app.chorus.publishing.queues.Evergreen.EvergreenView;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import app.chorus.shared.web.Page;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Evergreen posts: published posts queued again every so many days. */
@RestController
@Tag(name = "Evergreen posts", description = "Published posts that come round again: a copy is queued into the next "
		+ "free slot every so many days. Copies are the same text; X refuses exact repeats, Bluesky and Mastodon "
		+ "accept them")
class EvergreenApi {

	private final Evergreen evergreen;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final FormErrors messages;

	EvergreenApi(Evergreen evergreen, WorkspaceContext context, CurrentUser currentUser, FormErrors messages) {
		this.evergreen = evergreen;
		this.context = context;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	/** {@code everyDays}: at least 7; {@code maxTimes}: optional; {@code endsOn}: YYYY-MM-DD in your time zone. */
	record EvergreenBody(@Nullable Integer everyDays, @Nullable Integer maxTimes, @Nullable String endsOn) {
	}

	record CopyResource(UUID postId, int number, Instant recycledAt) {
	}

	record EvergreenResource(UUID postId, String text, int everyDays, @Nullable Integer maxTimes,
			@Nullable Instant endsAt, int timesRecycled, Instant lastOutAt, Instant nextRecycleAt, UUID startedBy,
			Instant startedAt, @Nullable String lastError, List<CopyResource> copies) {
	}

	@Operation(summary = "Make a published post evergreen, or change how it recycles: {\"everyDays\":30,"
			+ "\"maxTimes\":5,\"endsOn\":\"2027-06-30\"}; 201 when it starts, 200 when changed")
	@PostMapping("/api/v1/posts/{id}/evergreen")
	ResponseEntity<EvergreenResource> start(@PathVariable UUID id, @RequestBody EvergreenBody body) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		UserAccount me = currentUser.require();
		Evergreen.Started started = evergreen.start(membership, AuditActor.user(me.id(), me.email()), new PostId(id),
				new Evergreen.Settings(body.everyDays(), body.maxTimes(), body.endsOn()), me.timeZone());
		EvergreenResource resource = resource(started.evergreen());
		return started.created()
				? ResponseEntity.created(URI.create("/api/v1/posts/" + id + "/evergreen")).body(resource)
				: ResponseEntity.ok(resource);
	}

	@Operation(summary = "How a post recycles: every how many days, how often so far, when next, and its copies")
	@GetMapping("/api/v1/posts/{id}/evergreen")
	EvergreenResource find(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return resource(evergreen.find(membership.workspaceId(), new PostId(id))
			.orElseThrow(() -> ChorusException.notFound("evergreen")));
	}

	@Operation(summary = "Stop recycling a post; the copies made so far stay")
	@DeleteMapping("/api/v1/posts/{id}/evergreen")
	ResponseEntity<Void> stop(@PathVariable UUID id) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		UserAccount me = currentUser.require();
		evergreen.stop(membership, AuditActor.user(me.id(), me.email()), new PostId(id));
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "The workspace's evergreen posts, the next to come round first")
	@GetMapping("/api/v1/evergreen")
	Page<EvergreenResource> list() {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return Page.of(evergreen.all(membership.workspaceId()).stream().map(this::resource).toList());
	}

	private EvergreenResource resource(EvergreenView view) {
		return new EvergreenResource(view.postId().value(), view.text(), view.everyDays(), view.maxTimes(),
				view.endsAt(), view.timesRecycled(), view.lastOutAt(), view.nextRecycleAt(), view.startedBy().value(),
				view.startedAt(),
				view.lastError() == null ? null
						: messages.message(view.lastError(), view.lastErrorArguments().toArray()),
				view.copies().stream().map(c -> new CopyResource(c.postId().value(), c.number(), c.recycledAt()))
					.toList());
	}
}
