package app.chorus.publishing.internal;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelManagement.ChannelPausedException;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.MediaItem;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.PostingCap;
import app.chorus.channels.spi.PublishResult;
import app.chorus.channels.spi.RemotePostRef;
import app.chorus.channels.spi.Replying;
import app.chorus.channels.spi.SocialNetwork;
import app.chorus.media.MediaId;
import app.chorus.media.MediaLibrary;
import app.chorus.publishing.PostStatus;
import app.chorus.publishing.campaigns.Campaigns;
import app.chorus.publishing.links.ShortLinks;
import app.chorus.publishing.links.Utm;
import app.chorus.publishing.VariantFailed;
import app.chorus.publishing.VariantNeedsConfirmation;
import app.chorus.publishing.VariantPublished;
import app.chorus.publishing.internal.Posts.AttemptRow;
import app.chorus.publishing.internal.Posts.PostRow;
import app.chorus.publishing.internal.Posts.VariantRow;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Hands one due variant to its network, exactly once. The claim (variant locked, status {@code publishing}, an attempt
 * row written) commits before the network is called; the outcome is written after. So a node that dies mid-call
 * leaves an attempt that started and never finished, and whoever picks the variant up next knows the answer was
 * lost: within the network's idempotency window it resends with the same key (the network answers with the first
 * post), otherwise it stops at {@code needs_confirmation} for a person. Retries back off; a rate limit waits for its
 * reset; refused credentials hold the channel's posts (not fail them) and count towards re-authorisation.
 */
@Service
public class PublishEngine {

	private static final Logger log = LoggerFactory.getLogger(PublishEngine.class);
	static final int MAX_ATTEMPTS = 8;
	/** Waits between tries, in multiples of the first wait (30 s by default: 30 s, 1, 2, 5, 10, 30 min, 1 h). */
	private static final int[] BACK_OFF = { 1, 2, 4, 10, 20, 60, 120 };
	/** Margin kept inside a network's idempotency window, for clocks and slow networks. */
	private static final Duration WINDOW_MARGIN = Duration.ofMinutes(5);

	static final String HELD_PAUSED = "paused";
	/** The variant option that asks for the links in its text to become tagged short links when it is published. */
	public static final String SHORTEN_LINKS = "shortenLinks";
	static final String HELD_CHANNEL = "channel";

	private final Posts posts;
	private final ChannelManagement channels;
	private final MediaLibrary mediaLibrary;
	private final ShortLinks shortLinks;
	private final Campaigns campaigns;
	private final PostStatuses statuses;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final String node;
	private final Duration firstRetry;

	PublishEngine(Posts posts, ChannelManagement channels, MediaLibrary mediaLibrary, ShortLinks shortLinks,
			Campaigns campaigns, PostStatuses statuses, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${chorus.publishing.first-retry:PT30S}")
			Duration firstRetry) {
		this.posts = posts;
		this.channels = channels;
		this.mediaLibrary = mediaLibrary;
		this.shortLinks = shortLinks;
		this.campaigns = campaigns;
		this.statuses = statuses;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.node = nodeName();
		this.firstRetry = firstRetry;
	}

	private sealed interface Claim {
	}

	private record Nothing() implements Claim {
	}

	private record Later(Instant at) implements Claim {
	}

	/** Claimed: send it. The channel's network adapter is the one the claim looked up (empty: the channel is gone). */
	private record Go(VariantRow variant, AttemptRow attempt, Optional<SocialNetwork> network) implements Claim {
	}

	/**
	 * Publishes the variant if it is due and nobody has; returns when to look again (a retry, a rate-limit reset), or
	 * empty when the variant needs nothing more from the engine.
	 */
	public Optional<Instant> run(WorkspaceId workspace, UUID variantId) {
		Claim claim = transactions.execute(s -> claim(workspace, variantId));
		return switch (claim) {
			case Nothing n -> Optional.empty();
			case Later later -> Optional.of(later.at());
			case Go go -> publish(workspace, go.variant(), go.attempt(), go.network());
		};
	}

	private Claim claim(WorkspaceId workspace, UUID variantId) {
		Optional<VariantRow> locked = posts.lockVariant(workspace, variantId);
		if (locked.isEmpty()) {
			return new Nothing();
		}
		VariantRow variant = locked.get();
		Instant now = clock.instant();
		switch (variant.status()) {
			case SCHEDULED -> {
				Instant due = variant.nextAttemptAt() != null ? variant.nextAttemptAt() : variant.scheduledAt();
				if (due != null && due.isAfter(now.plusSeconds(1))) {
					return new Later(due);
				}
				if (posts.paused(workspace)) {
					posts.updateVariantStatus(workspace, variantId, PostStatus.HELD, HELD_PAUSED, null, now);
					statuses.refresh(workspace, variant.postId());
					return new Nothing();
				}
				Optional<SocialNetwork> network = channels.network(workspace, new ChannelId(variant.channelId()));
				Optional<Instant> capped = overCap(workspace, variant, network, now);
				if (capped.isPresent()) {
					posts.updateVariantStatus(workspace, variantId, PostStatus.SCHEDULED, null, capped.get(), now);
					posts.noteError(workspace, variantId, "publishing.error.posting-cap", capped.get().toString());
					return new Later(capped.get());
				}
				AttemptRow attempt = posts.startAttempt(workspace, variantId, node, now);
				statuses.refresh(workspace, variant.postId());
				return new Go(variant, attempt, network);
			}
			case PUBLISHING -> {
				return resumeAfterLostAnswer(workspace, variant, now);
			}
			default -> {
				return new Nothing();
			}
		}
	}

	/** When the channel's network caps would be broken by publishing now: the time the cap allows it again. */
	private Optional<Instant> overCap(WorkspaceId workspace, VariantRow variant, Optional<SocialNetwork> network,
			Instant now) {
		Instant latest = null;
		for (PostingCap cap : network.map(SocialNetwork::postingCaps).orElse(List.of())) {
			Optional<Instant> release = posts.capReleases(workspace, variant.channelId(), cap.posts(), cap.per(), now);
			if (release.isPresent() && (latest == null || release.get().isAfter(latest))) {
				latest = release.get();
			}
		}
		return Optional.ofNullable(latest);
	}

	/** The variant was claimed and its attempt never finished: the node died, or the answer was lost. */
	private Claim resumeAfterLostAnswer(WorkspaceId workspace, VariantRow variant, Instant now) {
		Optional<AttemptRow> open = posts.openAttempt(workspace, variant.id());
		Optional<SocialNetwork> network = channels.network(workspace, new ChannelId(variant.channelId()));
		Duration window = network.map(SocialNetwork::idempotencyWindow).orElse(Duration.ZERO);
		// the network's promise runs from the first time it saw the key, which may be an earlier, failed attempt
		Instant firstSent = posts.attempts(workspace, variant.id()).stream().map(AttemptRow::startedAt)
			.min(Instant::compareTo).orElse(now);
		open.ifPresent(a -> posts.finishAttempt(workspace, a.id(), "lost", "no answer was recorded", now));
		if (!window.isZero() && firstSent.plus(window).minus(WINDOW_MARGIN).isAfter(now)) {
			log.info("Variant {} was left mid-publish; resending with the same idempotency key", variant.id());
			AttemptRow attempt = posts.startAttempt(workspace, variant.id(), node, now);
			return new Go(variant, attempt, network);
		}
		log.warn("Variant {} was left mid-publish and its network gives no idempotency now: needs confirmation",
				variant.id());
		posts.failed(workspace, variant.id(), PostStatus.NEEDS_CONFIRMATION, "publishing.error.answer-lost", null,
				now);
		statuses.refresh(workspace, variant.postId());
		PostRow post = posts.find(workspace, variant.postId()).orElseThrow();
		events.publishEvent(new VariantNeedsConfirmation(workspace, AuditActor.system(), variant.postId(),
				post.authorId(), variant.channelId().toString(), variant.network().key(), RequestOrigin.internal()));
		return new Nothing();
	}

	private Optional<Instant> publish(WorkspaceId workspace, VariantRow variant, AttemptRow attempt,
			Optional<SocialNetwork> network) {
		ChannelId channelId = new ChannelId(variant.channelId());
		if (network.isEmpty()) {
			return finish(workspace, variant, attempt, new PublishResult.Rejected(List.of()),
					"publishing.error.channel-gone");
		}
		List<MediaItem> media = new java.util.ArrayList<>();
		for (UUID id : variant.media()) {
			Optional<app.chorus.media.MediaView> found = mediaLibrary.find(workspace, new MediaId(id));
			if (found.isEmpty()) {
				return finish(workspace, variant, attempt, new PublishResult.Rejected(List.of()),
						"publishing.error.media-gone");
			}
			media.add(mediaLibrary.item(workspace, found.get().id(), variant.surface()));
		}
		PublishResult result;
		try {
			ChannelSession session = channels.session(workspace, channelId);
			PostVariant content = content(workspace, variant, media);
			result = send(network.get(), session, content, variant.idempotencyKey());
			if (result instanceof PublishResult.SessionExpired) {
				session = channels.renewedSession(workspace, channelId);
				result = send(network.get(), session, content, variant.idempotencyKey());
			}
			if (result instanceof PublishResult.Published first && !variant.thread().isEmpty()) {
				result = thread(workspace, network.get(), session, variant, first);
			}
		}
		catch (ChannelPausedException e) {
			result = new PublishResult.ReauthorizationRequired("the channel needs re-authorisation");
		}
		catch (NetworkUnavailable e) {
			result = new PublishResult.TransientFailure(e.getMessage() == null ? "network unavailable" : e.getMessage());
		}
		return finish(workspace, variant, attempt, result, null);
	}

	/**
	 * What goes to the network: the variant's text, with its links made into Chorus short links tagged for the
	 * network and the post's campaign when the post asked for it ({@code shortenLinks} option). Short links that would
	 * break the network's rules (a very short address made longer) are left out: the original text goes instead.
	 */
	private PostVariant content(WorkspaceId workspace, VariantRow variant, List<MediaItem> media) {
		java.util.Map<String, String> options = new java.util.HashMap<>(variant.options());
		boolean shorten = "true".equals(options.remove(SHORTEN_LINKS));
		PostVariant original = new PostVariant(variant.surface(), variant.text(), media, null, null, null, null,
				options);
		if (!shorten) {
			return original;
		}
		String campaign = posts.find(workspace, variant.postId()).map(Posts.PostRow::campaignId)
			.flatMap(id -> campaigns.find(workspace, id)).map(c -> c.name()).orElse("chorus");
		String text = shortLinks.rewrite(workspace, variant.text(), Utm.forNetwork(variant.network(), campaign),
				variant.postId().value(), variant.id()).text();
		PostVariant shortened = new PostVariant(variant.surface(), text, media, null, null, null, null, options);
		boolean fits = channels.rules(workspace, new ChannelId(variant.channelId()))
			.map(rules -> rules.check(shortened).isEmpty()).orElse(true);
		return fits ? shortened : original;
	}

	/**
	 * The rest of a thread: each part answers the one before, under its own idempotency key derived from the
	 * variant's, so a retry after a failure part-way finds the parts already out instead of repeating them. The
	 * whole is published when the last part is; a part that fails makes the variant's outcome that failure.
	 */
	private PublishResult thread(WorkspaceId workspace, SocialNetwork network, ChannelSession session,
			VariantRow variant, PublishResult.Published first) {
		if (!(network instanceof Replying replying)) {
			return new PublishResult.Rejected(List.of());
		}
		RemotePostRef root = first.post();
		RemotePostRef previous = root;
		List<String> refs = new java.util.ArrayList<>();
		for (int i = 0; i < variant.thread().size(); i++) {
			RemotePostRef to = new RemotePostRef(previous.id(), previous.contentHash(), root.id(),
					root.contentHash());
			PublishResult part;
			try {
				part = replying.reply(session, to, PostVariant.text(variant.surface(), variant.thread().get(i)),
						variant.idempotencyKey() + "-part-" + (i + 1));
			}
			catch (RuntimeException e) {
				part = new PublishResult.TransientFailure(e.getClass().getSimpleName());
			}
			if (!(part instanceof PublishResult.Published published)) {
				return part;
			}
			refs.add(published.post().id());
			previous = published.post();
		}
		posts.threadPublished(workspace, variant.id(), refs);
		return first;
	}

	private static PublishResult send(SocialNetwork network, ChannelSession session, PostVariant content, String key) {
		try {
			return network.publish(session, content, key);
		}
		catch (RuntimeException e) {
			// The SPI says adapters answer with a result; one that throws is treated as a transient failure.
			log.warn("{} threw while publishing: {}", network.key().key(), e.toString());
			return new PublishResult.TransientFailure(e.getClass().getSimpleName());
		}
	}

	private Optional<Instant> finish(WorkspaceId workspace, VariantRow variant, AttemptRow attempt,
			PublishResult result, @Nullable String errorKey) {
		return transactions.execute(s -> {
			Instant now = clock.instant();
			PostRow post = posts.find(workspace, variant.postId()).orElseThrow();
			Optional<Instant> next = Optional.empty();
			switch (result) {
				case PublishResult.Published p -> {
					posts.finishAttempt(workspace, attempt.id(), "published", p.url(), now);
					posts.published(workspace, variant.id(), p.post().id(), p.post().contentHash(), p.url(),
							p.publishedAt(), now);
					events.publishEvent(new VariantPublished(workspace, AuditActor.system(), variant.postId(),
							post.authorId(), variant.channelId().toString(), variant.network().key(), p.url(),
							RequestOrigin.internal()));
				}
				case PublishResult.Pending p -> {
					posts.finishAttempt(workspace, attempt.id(), "pending", p.remoteId(), now);
					posts.updateVariantStatus(workspace, variant.id(), PostStatus.SCHEDULED, null, p.checkAfter(), now);
					next = Optional.of(p.checkAfter());
				}
				case PublishResult.Rejected r -> {
					String key = errorKey != null ? errorKey : r.violations().isEmpty() ? "publishing.error.refused"
							: r.violations().getFirst().rule();
					String detail = VariantRules.describe(r.violations());
					posts.finishAttempt(workspace, attempt.id(), "rejected", detail, now);
					posts.failed(workspace, variant.id(), PostStatus.FAILED, key, detail, now);
					failedEvent(workspace, variant, post, key);
				}
				case PublishResult.RateLimited r -> {
					posts.finishAttempt(workspace, attempt.id(), "rate-limited", r.retryAt().toString(), now);
					Instant at = r.retryAt().isAfter(now) ? r.retryAt() : now.plusSeconds(30);
					posts.updateVariantStatus(workspace, variant.id(), PostStatus.SCHEDULED, null, at, now);
					posts.noteError(workspace, variant.id(), "publishing.error.rate-limited", at.toString());
					next = Optional.of(at);
				}
				case PublishResult.ReauthorizationRequired r -> {
					posts.finishAttempt(workspace, attempt.id(), "reauthorization-required", r.reason(), now);
					posts.updateVariantStatus(workspace, variant.id(), PostStatus.HELD, HELD_CHANNEL, null, now);
					posts.noteError(workspace, variant.id(), "publishing.error.channel-needs-reauthorization",
							r.reason());
					channels.authorizationRefused(workspace, new ChannelId(variant.channelId()), r.reason());
				}
				case PublishResult.SessionExpired e -> next = retry(workspace, variant, attempt, post, e.reason(), now);
				case PublishResult.TransientFailure t -> next = retry(workspace, variant, attempt, post, t.reason(),
						now);
			}
			statuses.refresh(workspace, variant.postId());
			return next;
		});
	}

	private Optional<Instant> retry(WorkspaceId workspace, VariantRow variant, AttemptRow attempt, PostRow post,
			String reason, Instant now) {
		posts.finishAttempt(workspace, attempt.id(), "transient-failure", reason, now);
		if (attempt.number() >= MAX_ATTEMPTS) {
			posts.failed(workspace, variant.id(), PostStatus.FAILED, "publishing.error.gave-up", reason, now);
			failedEvent(workspace, variant, post, "publishing.error.gave-up");
			return Optional.empty();
		}
		Instant at = now.plus(firstRetry.multipliedBy(BACK_OFF[Math.min(attempt.number() - 1, BACK_OFF.length - 1)]));
		posts.updateVariantStatus(workspace, variant.id(), PostStatus.SCHEDULED, null, at, now);
		posts.noteError(workspace, variant.id(), "publishing.error.retrying", reason);
		return Optional.of(at);
	}

	private void failedEvent(WorkspaceId workspace, VariantRow variant, PostRow post, String reason) {
		events.publishEvent(new VariantFailed(workspace, AuditActor.system(), variant.postId(), post.authorId(),
				variant.channelId().toString(), variant.network().key(), reason, RequestOrigin.internal()));
	}

	private static String nodeName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			host = "unknown";
		}
		return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
	}
}
