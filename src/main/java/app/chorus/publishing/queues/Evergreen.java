package app.chorus.publishing.queues;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelPermission;
import app.chorus.identity.IdentityManagement;
import app.chorus.notifications.Notice;
import app.chorus.notifications.Notifications;
import app.chorus.publishing.EvergreenStarted;
import app.chorus.publishing.EvergreenStopped;
import app.chorus.publishing.PostId;
import app.chorus.publishing.PostRecycled;
import app.chorus.publishing.PostStatus;
import app.chorus.publishing.internal.PostService;
import app.chorus.publishing.internal.PostService.Draft;
import app.chorus.publishing.internal.PostService.PostView;
import app.chorus.publishing.internal.PostService.VariantDraft;
import app.chorus.publishing.internal.PostService.VariantView;
import app.chorus.publishing.queues.EvergreenRecords.EvergreenRow;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.ChorusException.FieldProblem;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceManagement;

/**
 * Evergreen posts: a published post that comes round again every so many days (at least seven), until it has come
 * round as often as asked, its end date passes, or someone stops it. Each time, a copy (a new post with the same text,
 * per-channel versions, media and campaign) is queued into the next free slot of the channels it went out on, as the
 * person who made it evergreen: their permissions and each network's rules apply then as they would to them.
 * <p>
 * The copy is the same text. Networks differ on repeats: X refuses a post identical to a recent one of the account,
 * others discourage them; Bluesky and Mastodon accept them. A copy a network refuses fails like any refused post and
 * its author is told.
 */
@Service
public class Evergreen {

	static final int MIN_DAYS = 7;
	static final int MAX_DAYS = 3_650;
	static final int MAX_TIMES = 1_000;
	/** Evergreen posts recycled per run of the recurring task; the rest wait for the next run. */
	static final int BATCH = 50;
	/** A copy that could not be queued is tried again this much later. */
	static final Duration RETRY_AFTER = Duration.ofDays(1);

	private static final Logger log = LoggerFactory.getLogger(Evergreen.class);

	private final EvergreenRecords records;
	private final Queues queues;
	private final PostService posts;
	private final ChannelManagement channels;
	private final WorkspaceManagement workspaces;
	private final IdentityManagement identity;
	private final Notifications notifications;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Evergreen(EvergreenRecords records, Queues queues, PostService posts, ChannelManagement channels,
			WorkspaceManagement workspaces, IdentityManagement identity, Notifications notifications,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.queues = queues;
		this.posts = posts;
		this.channels = channels;
		this.workspaces = workspaces;
		this.identity = identity;
		this.notifications = notifications;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What a person asks for. {@code endsOn} (YYYY-MM-DD) is the last day a copy may be queued, read in their own
	 * time zone.
	 */
	public record Settings(@Nullable Integer everyDays, @Nullable Integer maxTimes, @Nullable String endsOn) {
	}

	/**
	 * An evergreen post. {@code nextRecycleAt} is when it is due again; its copy then goes into the next free slot.
	 * {@code lastError} is the message key of why the last copy could not be queued (with its arguments).
	 */
	public record EvergreenView(PostId postId, String text, int everyDays, @Nullable Integer maxTimes,
			@Nullable Instant endsAt, int timesRecycled, Instant lastOutAt, Instant nextRecycleAt, UserId startedBy,
			Instant startedAt, @Nullable String lastError, List<String> lastErrorArguments, List<Copy> copies) {

		public EvergreenView {
			lastErrorArguments = List.copyOf(lastErrorArguments);
			copies = List.copyOf(copies);
		}
	}

	/** A copy an evergreen post made: the {@code number}th time it came round. */
	public record Copy(PostId postId, int number, Instant recycledAt) {
	}

	public record Started(EvergreenView evergreen, boolean created) {
	}

	/** A post that went out, to choose from. */
	public record PublishedPost(PostId postId, String text, Instant publishedAt) {
	}

	/**
	 * Makes a published post evergreen, or changes how it recycles (the count so far is kept). It is first due
	 * {@code everyDays} after it last went out.
	 * @param zone the caller's time zone, for {@code endsOn}
	 * @throws ChorusException 403 without {@code POSTS_PUBLISH}; 404 when the workspace has no such post; 409 when
	 * nothing of it was published, or none of its channels is connected any more; 422 naming {@code everyDays},
	 * {@code maxTimes} (also when it has come round that often already), {@code endsOn}, or {@code channelIds} for a
	 * channel the caller may not publish on
	 */
	public Started start(Membership membership, AuditActor who, PostId id, Settings settings, ZoneId zone) {
		requireAllowed(membership);
		WorkspaceId workspace = membership.workspaceId();
		PostView post = posts.find(workspace, id);
		Instant now = clock.instant();
		List<FieldProblem> problems = new ArrayList<>();
		Integer every = settings.everyDays();
		if (every == null) {
			problems.add(new FieldProblem("everyDays", "evergreen.every-days.required", MIN_DAYS));
		}
		else if (every < MIN_DAYS || every > MAX_DAYS) {
			problems.add(new FieldProblem("everyDays", "evergreen.every-days.range", MIN_DAYS, MAX_DAYS));
		}
		Integer maxTimes = settings.maxTimes();
		int timesSoFar = records.find(workspace, id).map(EvergreenRow::timesRecycled).orElse(0);
		if (maxTimes != null && (maxTimes < 1 || maxTimes > MAX_TIMES)) {
			problems.add(new FieldProblem("maxTimes", "evergreen.max-times.range", MAX_TIMES));
		}
		else if (maxTimes != null && maxTimes <= timesSoFar) {
			problems.add(new FieldProblem("maxTimes", "evergreen.max-times.reached", timesSoFar));
		}
		Instant endsAt = endsAt(settings.endsOn(), zone, now, problems);
		List<VariantView> published = post.variants().stream().filter(v -> v.status() == PostStatus.PUBLISHED)
			.toList();
		if (published.isEmpty()) {
			throw new ChorusException(HttpStatus.CONFLICT, "evergreen.not-published", null);
		}
		// a channel disconnected since is left out of the copies, as it is when they are made
		List<VariantView> live = published.stream()
			.filter(v -> channels.find(workspace, new ChannelId(v.channelId())).isPresent()).toList();
		if (live.isEmpty()) {
			throw new ChorusException(HttpStatus.CONFLICT, "evergreen.no-channels", null);
		}
		for (VariantView variant : live) {
			ChannelId channel = new ChannelId(variant.channelId());
			if (!channels.may(membership, channel, ChannelPermission.PUBLISH)) {
				problems.add(new FieldProblem("channelIds", "post.channel.not-allowed",
						channels.find(workspace, channel).map(c -> c.name()).orElse(channel.toString())));
			}
		}
		if (!problems.isEmpty() || every == null) {
			throw ChorusException.invalid(problems);
		}
		Instant lastPublished = published.stream().map(VariantView::publishedAt).filter(Objects::nonNull)
			.max(Comparator.naturalOrder()).orElse(now);
		boolean created = Objects.requireNonNull(transactions.execute(s -> {
			Optional<EvergreenRow> current = records.find(workspace, id);
			Instant lastOut = current.map(EvergreenRow::lastOutAt).filter(t -> t.isAfter(lastPublished))
				.orElse(lastPublished);
			records.save(new EvergreenRow(id, workspace, every, maxTimes, endsAt,
					current.map(EvergreenRow::timesRecycled).orElse(0), lastOut, lastOut.plus(Duration.ofDays(every)),
					membership.userId(), now, null, List.of()));
			events.publishEvent(new EvergreenStarted(workspace, who, id, every, maxTimes,
					endsAt == null ? null : endsAt.toString(), RequestOrigin.current()));
			return current.isEmpty();
		}));
		return new Started(find(workspace, id).orElseThrow(), created);
	}

	private @Nullable Instant endsAt(@Nullable String endsOn, ZoneId zone, Instant now, List<FieldProblem> problems) {
		if (endsOn == null || endsOn.isBlank()) {
			return null;
		}
		try {
			Instant endsAt = LocalDate.parse(endsOn.strip()).plusDays(1).atStartOfDay(zone).toInstant();
			if (!endsAt.isAfter(now)) {
				problems.add(new FieldProblem("endsOn", "evergreen.ends-on.past"));
			}
			return endsAt;
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem("endsOn", "evergreen.ends-on.format"));
			return null;
		}
	}

	/**
	 * Stops recycling the post; the copies made so far stay, and stay linked to it.
	 * @throws ChorusException 403 without {@code POSTS_PUBLISH}; 404 when the post is not evergreen in the workspace
	 */
	public void stop(Membership membership, AuditActor who, PostId id) {
		requireAllowed(membership);
		WorkspaceId workspace = membership.workspaceId();
		transactions.executeWithoutResult(s -> {
			EvergreenRow row = records.find(workspace, id).orElseThrow(() -> ChorusException.notFound("evergreen"));
			records.delete(workspace, id);
			events.publishEvent(new EvergreenStopped(workspace, who, id, "stopped", row.timesRecycled(),
					RequestOrigin.current()));
		});
	}

	public Optional<EvergreenView> find(WorkspaceId workspace, PostId id) {
		return records.find(workspace, id).map(row -> view(row, posts.find(workspace, id).text()));
	}

	/** The workspace's evergreen posts, the next to come round first. */
	public List<EvergreenView> all(WorkspaceId workspace) {
		return records.all(workspace).stream().map(row -> view(row, posts.find(workspace, row.postId()).text()))
			.toList();
	}

	/** The posts that went out most recently, newest first: what may be made evergreen. */
	public List<PublishedPost> recentlyPublished(WorkspaceId workspace, int limit) {
		return records.recentlyPublished(workspace, limit).stream()
			.map(p -> new PublishedPost(p.postId(), p.text(), p.publishedAt())).toList();
	}

	private EvergreenView view(EvergreenRow row, String text) {
		return new EvergreenView(row.postId(), text, row.everyDays(), row.maxTimes(), row.endsAt(),
				row.timesRecycled(), row.lastOutAt(), row.nextDueAt(), row.startedBy(), row.startedAt(),
				row.lastError(), row.lastErrorArguments(),
				records.copies(row.workspaceId(), row.postId()).stream()
					.map(c -> new Copy(c.copyId(), c.number(), c.recycledAt())).toList());
	}

	/**
	 * Queues a copy of every evergreen post that is due (what the recurring task runs). Each post is handled in a
	 * transaction of its own under a row lock, so two nodes never copy the same post twice.
	 * @return how many posts were recycled
	 */
	public int recycleDue() {
		int recycled = 0;
		for (EvergreenRecords.Due due : records.due(clock.instant(), BATCH)) {
			if (recycle(due.workspaceId(), due.postId())) {
				recycled++;
			}
		}
		return recycled;
	}

	private boolean recycle(WorkspaceId workspace, PostId id) {
		try {
			return Boolean.TRUE.equals(transactions.execute(s -> recycleLocked(workspace, id)));
		}
		catch (ChorusException e) {
			// the copy could not be queued (no slot left, a rule the text now breaks): kept, and tried again later
			FieldProblem problem = e.problems().isEmpty() ? new FieldProblem("", e.messageKey(), e.arguments())
					: e.problems().getFirst();
			log.warn("Evergreen post {} in workspace {} could not be queued again: {}", id, workspace,
					problem.messageKey());
			failed(workspace, id, problem.messageKey(),
					Arrays.stream(problem.arguments()).map(Evergreen::text).toList());
			return false;
		}
		catch (RuntimeException e) {
			// one post's trouble must not hold up the others due in this run
			log.error("Evergreen post {} in workspace {} could not be recycled", id, workspace, e);
			failed(workspace, id, "evergreen.error.unexpected", List.of());
			return false;
		}
	}

	private void failed(WorkspaceId workspace, PostId id, String error, List<String> arguments) {
		transactions.executeWithoutResult(s -> records.lockDue(workspace, id, clock.instant()).ifPresent(row -> {
			records.failed(workspace, id, error, arguments, clock.instant().plus(RETRY_AFTER));
			if (row.lastError() == null) {
				tell(workspace, row.startedBy(), id);
			}
		}));
	}

	private boolean recycleLocked(WorkspaceId workspace, PostId id) {
		Instant now = clock.instant();
		Optional<EvergreenRow> locked = records.lockDue(workspace, id, now);
		if (locked.isEmpty()) {
			return false;
		}
		EvergreenRow row = locked.get();
		if (row.endsAt() != null && !now.isBefore(row.endsAt())) {
			end(row, "ended");
			return false;
		}
		Optional<Membership> starter = workspaces.membership(workspace, row.startedBy())
			.filter(m -> m.can(Permission.POSTS_PUBLISH));
		if (starter.isEmpty()) {
			end(row, "not-allowed");
			return false;
		}
		PostView original = posts.find(workspace, id);
		Map<UUID, VariantView> byChannel = new LinkedHashMap<>();
		original.variants().stream()
			.filter(v -> v.status() == PostStatus.PUBLISHED)
			.filter(v -> channels.find(workspace, new ChannelId(v.channelId())).isPresent())
			.forEach(v -> byChannel.putIfAbsent(v.channelId(), v));
		if (byChannel.isEmpty()) {
			end(row, "no-channels");
			return false;
		}
		List<PostView> copies = queues.place(starter.get(), AuditActor.system(), List.copyOf(byChannel.keySet()),
				(group, at) -> new Draft(original.text(), group, group.stream().map(channel -> {
					VariantView v = byChannel.get(channel);
					return new VariantDraft(channel, v.text(), v.surface(), v.options(), v.mediaIds());
				}).toList(), at, false, original.campaignId(), List.of()));
		int number = row.timesRecycled() + 1;
		Instant latest = row.lastOutAt();
		for (PostView copy : copies) {
			Instant at = Objects.requireNonNull(copy.scheduledAt());
			latest = at.isAfter(latest) ? at : latest;
			records.insertCopy(workspace, copy.id(), id, number, now);
			events.publishEvent(new PostRecycled(workspace, AuditActor.system(), id, copy.id(), number,
					at.toString(), RequestOrigin.internal()));
		}
		Instant nextDue = latest.plus(Duration.ofDays(row.everyDays()));
		records.recycled(workspace, id, number, latest, nextDue);
		EvergreenRow after = new EvergreenRow(id, workspace, row.everyDays(), row.maxTimes(), row.endsAt(), number,
				latest, nextDue, row.startedBy(), row.startedAt(), null, List.of());
		if (row.maxTimes() != null && number >= row.maxTimes()) {
			end(after, "max-times");
		}
		else if (row.endsAt() != null && !nextDue.isBefore(row.endsAt())) {
			end(after, "ended");
		}
		return true;
	}

	private void end(EvergreenRow row, String reason) {
		records.delete(row.workspaceId(), row.postId());
		events.publishEvent(new EvergreenStopped(row.workspaceId(), AuditActor.system(), row.postId(), reason,
				row.timesRecycled(), RequestOrigin.internal()));
	}

	private void tell(WorkspaceId workspace, UserId recipient, PostId id) {
		String excerpt = excerpt(posts.find(workspace, id).text());
		identity.find(recipient).ifPresent(account -> notifications.notify(new Notice(workspace, recipient,
				account.email(), account.locale(), "notice.evergreen.failed", List.of(excerpt), "/queue")));
	}

	private static String excerpt(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return line.length() > 60 ? line.substring(0, 59) + "…" : line;
	}

	private static String text(@Nullable Object argument) {
		if (argument instanceof MessageSourceResolvable resolvable) {
			String message = resolvable.getDefaultMessage();
			return message != null ? message : String.valueOf(resolvable.getCodes() == null ? ""
					: resolvable.getCodes()[0]);
		}
		return String.valueOf(argument);
	}

	private static void requireAllowed(Membership membership) {
		if (!membership.can(Permission.POSTS_PUBLISH)) {
			throw ChorusException.forbidden("error.forbidden");
		}
	}
}
