package app.chorus.inbox.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;

import app.chorus.channels.ChannelConnected;
import app.chorus.channels.ChannelDisconnected;
import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelManagement.ChannelPausedException;
import app.chorus.channels.ChannelView;
import app.chorus.channels.spi.AccessTokenExpired;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.InboxReading;
import app.chorus.channels.spi.InboxReading.InboxEvent;
import app.chorus.channels.spi.InboxReading.InboxPage;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.RemotePostRef;
import app.chorus.channels.spi.SessionRefreshing.ReauthorizationNeeded;
import app.chorus.channels.spi.SocialNetwork;
import app.chorus.inbox.InboxItemsReceived;
import app.chorus.inbox.internal.InboxRecords.ConversationRoot;
import app.chorus.inbox.internal.IngestionStates.StateRow;
import app.chorus.inbox.internal.ItemClassification.Classification;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Reads every channel's inbox through its adapter's cursor, on the channel's own cadence, and stores what is new.
 * <p>
 * Each page is stored in one transaction together with the cursor that follows it, so a crash re-reads at worst one
 * page, and the unique (channel, network id) of items makes re-reading harmless: overlapping polls, restarts and
 * repeated pages store nothing twice. A poll holds a lease on its channel's state row, so two nodes never read one
 * channel at once; a node that dies gives its lease up when it runs out. A failed read keeps the cursor, records the
 * error and backs off (doubling up to {@code chorus.inbox.max-back-off}, or until the network's rate-limit reset); a
 * channel that needs re-authorisation is left alone until it is connected again.
 */
@Service
public class InboxIngestion {

	private static final Logger log = LoggerFactory.getLogger(InboxIngestion.class);
	/** Reads of one channel in one poll at most (each read may itself walk several of the network's pages). */
	static final int MAX_READS_PER_POLL = 10;
	private static final Duration UNSUPPORTED_RECHECK = Duration.ofDays(1);

	private final IngestionStates states;
	private final InboxRecords records;
	private final ChannelManagement channels;
	private final ItemClassification classification;
	private final SlaWatch slas;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Duration interval;
	private final Duration maxBackOff;
	private final Duration lease;
	private final Duration discoveryInterval;
	/** Each network's own cadence, where it differs from {@link #interval}. */
	private final Map<String, Duration> networkIntervals;
	private final Duration whilePushed;
	/** Places for polls running at once on this node. */
	private final Semaphore places;
	private final ExecutorService polls = Executors.newVirtualThreadPerTaskExecutor();
	private final String node;
	private volatile @Nullable Instant lastDiscovery;

	InboxIngestion(IngestionStates states, InboxRecords records, ChannelManagement channels,
			ItemClassification classification, SlaWatch slas, TransactionTemplate transactions,
			ApplicationEventPublisher events,
			Clock clock, @Value("${chorus.inbox.poll-interval:PT30S}") Duration interval,
			@Value("${chorus.inbox.max-back-off:PT15M}") Duration maxBackOff,
			@Value("${chorus.inbox.lease:PT2M}") Duration lease,
			@Value("${chorus.inbox.discovery-interval:PT1M}") Duration discoveryInterval,
			@Value("${chorus.inbox.poll-interval-while-pushed:PT5M}") Duration whilePushed,
			@Value("${chorus.inbox.polls-per-sweep:20}") int pollsPerSweep, Environment environment) {
		this.states = states;
		this.records = records;
		this.channels = channels;
		this.classification = classification;
		this.slas = slas;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.interval = interval;
		this.maxBackOff = maxBackOff;
		this.lease = lease;
		this.discoveryInterval = discoveryInterval;
		this.whilePushed = whilePushed;
		this.places = new Semaphore(pollsPerSweep);
		this.networkIntervals = Binder.get(environment)
			.bind("chorus.inbox.poll-intervals", Bindable.mapOf(String.class, Duration.class)).orElse(Map.of());
		this.node = ManagementFactory.getRuntimeMXBean().getName();
	}

	/**
	 * One sweep: notices channels not known yet (now and then), then starts a poll of each channel that is due, as
	 * many as there are free places ({@code chorus.inbox.polls-per-sweep} polls run at once on a node). It does not
	 * wait for them: a slow channel holds its own place only, and the next sweep fills the places that came free.
	 */
	void pollDue() {
		discoverIfDue();
		int free = places.availablePermits();
		if (free == 0) {
			return;
		}
		Instant now = clock.instant();
		String owner = owner();
		for (StateRow row : states.claimDue(owner, now, now.plus(lease), free)) {
			places.acquireUninterruptibly();
			try {
				polls.submit(() -> {
					try {
						poll(row, owner);
					}
					finally {
						places.release();
					}
				});
			}
			catch (RejectedExecutionException e) {
				// shutting down: the lease runs out and another node (or this one, restarted) reads the channel
				places.release();
			}
		}
	}

	/** Lets the polls that are running finish (each stores its pages with their cursor), and starts no more. */
	@PreDestroy
	void stopPolling() {
		polls.close();
	}

	/**
	 * Polls the channel now, whether it is due or not, waiting up to {@code wait} for a poll already running to end.
	 * @return false when the workspace has no such channel, or another poll held it all along
	 */
	public boolean pollNow(WorkspaceId workspace, ChannelId channel, Duration wait) {
		Optional<ChannelView> view = channels.find(workspace, channel);
		if (view.isEmpty()) {
			return false;
		}
		states.add(workspace, channel, view.get().network().key(), clock.instant());
		Instant giveUp = clock.instant().plus(wait);
		String owner = owner();
		while (true) {
			Instant now = clock.instant();
			Optional<StateRow> claimed = states.claim(workspace, channel, owner, now, now.plus(lease));
			if (claimed.isPresent()) {
				poll(claimed.get(), owner);
				return true;
			}
			if (now.isAfter(giveUp)) {
				return false;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}

	@ApplicationModuleListener
	void on(ChannelConnected event) {
		states.resume(event.workspaceId(), event.channelId(), event.network(), clock.instant());
	}

	@ApplicationModuleListener
	void on(ChannelDisconnected event) {
		states.remove(event.workspaceId(), event.channelId());
	}

	private void discoverIfDue() {
		Instant now = clock.instant();
		Instant last = lastDiscovery;
		if (last != null && last.plus(discoveryInterval).isAfter(now)) {
			return;
		}
		lastDiscovery = now;
		for (WorkspaceId workspace : channels.workspacesWithChannels()) {
			for (ChannelView channel : channels.all(workspace)) {
				states.add(workspace, channel.id(), channel.network().key(), now);
			}
		}
	}

	/**
	 * Reads the claimed channel until the adapter says it caught up (or {@value #MAX_READS_PER_POLL} reads), then
	 * gives it back.
	 */
	private void poll(StateRow row, String owner) {
		WorkspaceId workspace = row.workspaceId();
		ChannelId channelId = row.channelId();
		try {
			Optional<ChannelView> channel = channels.find(workspace, channelId);
			if (channel.isEmpty()) {
				states.remove(workspace, channelId);
				return;
			}
			Optional<SocialNetwork> network = channels.network(channel.get());
			if (network.isEmpty() || !(network.get() instanceof InboxReading reader)) {
				Instant now = clock.instant();
				states.failed(channelId, owner, IngestionStates.UNSUPPORTED,
						"Chorus cannot read this network's inbox yet", false, now, now.plus(UNSUPPORTED_RECHECK));
				return;
			}
			ChannelSession session = channels.session(workspace, channelId);
			String cursor = row.cursor();
			for (int reads = 0; reads < MAX_READS_PER_POLL; reads++) {
				InboxPage page;
				try {
					page = reader.read(session, cursor);
				}
				catch (AccessTokenExpired e) {
					session = channels.renewedSession(workspace, channelId);
					page = reader.read(session, cursor);
				}
				if (!store(channel.get(), owner, page)) {
					log.info("Inbox poll of channel {} lost its lease to another poll; leaving it", channelId);
					return;
				}
				if (!page.more() || Objects.equals(page.cursor(), cursor)) {
					break;
				}
				cursor = page.cursor();
			}
			Instant now = clock.instant();
			states.succeeded(channelId, owner, now, now.plus(cadence(row, now)));
		}
		catch (ChannelPausedException e) {
			Instant now = clock.instant();
			// connecting the channel again resumes polling at once (ChannelConnected); until then, look now and then
			states.failed(channelId, owner, IngestionStates.NEEDS_REAUTHORIZATION,
					"The channel needs re-authorisation", false, now, now.plus(maxBackOff));
		}
		catch (ReauthorizationNeeded e) {
			channels.authorizationRefused(workspace, channelId, String.valueOf(e.getMessage()));
			backOff(row, owner, "The network refused the channel's credentials: " + e.getMessage(), null);
		}
		catch (NetworkUnavailable e) {
			backOff(row, owner, String.valueOf(e.getMessage()), e.retryAt().orElse(null));
		}
		catch (RuntimeException e) {
			// kept in the channel's state for people to see; the log says it once per failed poll, without the trace
			log.warn("Reading the inbox of channel {} failed: {}", channelId, e.toString());
			backOff(row, owner, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
		}
	}

	private void backOff(StateRow row, String owner, String error, @Nullable Instant retryAt) {
		Instant now = clock.instant();
		int failures = Math.min(row.consecutiveFailures() + 1, 20);
		Duration wait = networkInterval(row.network()).multipliedBy(1L << Math.min(failures, 16));
		Instant next = now.plus(wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait);
		if (retryAt != null && retryAt.isAfter(next)) {
			next = retryAt;
		}
		states.failed(row.channelId(), owner, IngestionStates.FAILING, clip(error), true, now, next);
	}

	/** How often a channel of the network is read: its own cadence where one is set, else the default. */
	Duration networkInterval(String network) {
		return networkIntervals.getOrDefault(network, interval);
	}

	/**
	 * When the channel is read next after a poll that got through: at its network's cadence; while the network's
	 * webhook delivers to it (a delivery within the last {@code whilePushed}), only to catch up on what the deliveries
	 * missed, at {@code whilePushed}.
	 */
	Duration cadence(StateRow row, Instant now) {
		Duration own = networkInterval(row.network());
		Instant pushed = row.lastPushedAt();
		boolean pushing = pushed != null && pushed.isAfter(now.minus(whilePushed));
		return pushing && whilePushed.compareTo(own) > 0 ? whilePushed : own;
	}

	/**
	 * Stores the page's new items and moves the cursor past them, in one transaction.
	 * @return false when the lease was lost meanwhile (nothing was stored)
	 */
	boolean store(ChannelView channel, String owner, InboxPage page) {
		Fresh fresh = fresh(channel, page.events());
		Boolean stored = transactions.execute(status -> {
			Stored added = storeEvents(channel, fresh);
			if (!states.advance(channel.id(), owner, page.cursor(), added.count(), added.newest())) {
				status.setRollbackOnly();
				return false;
			}
			return true;
		});
		return Boolean.TRUE.equals(stored);
	}

	/**
	 * Stores what a network pushed to the channel (a webhook delivery the channels module verified), in one
	 * transaction, exactly as a polled page is stored: the same de-duplication by network id (so a repeated delivery,
	 * or a message also read by polling, is stored once), classification, conversations and
	 * {@link InboxItemsReceived}. The poll's cursor and lease are left alone.
	 * @return how many items were new; 0 when the workspace has no such channel
	 */
	public int storePushed(WorkspaceId workspace, ChannelId channelId, List<InboxEvent> pushed) {
		Optional<ChannelView> channel = channels.find(workspace, channelId);
		if (channel.isEmpty()) {
			return 0;
		}
		Fresh fresh = fresh(channel.get(), pushed);
		Integer stored = transactions.execute(status -> {
			Stored added = storeEvents(channel.get(), fresh);
			states.pushed(channelId, added.count(), added.newest(), clock.instant());
			return added.count();
		});
		return stored == null ? 0 : stored;
	}

	/** What a batch of events added: how many items, and the newest one's time. */
	private record Stored(int count, @Nullable Instant newest) {
	}

	/** The events of a batch that are not stored yet, each with its text's classification. */
	private record Fresh(List<InboxEvent> events, List<Classification> classifications) {
	}

	/**
	 * The events not stored yet, classified; outside any transaction, so that no connection or lock is held while
	 * language and sentiment are worked out. What is stored already is found with one read; an item that comes twice
	 * within the batch, or from another poll or delivery meanwhile, is still stored once (the insert does nothing on
	 * the second).
	 */
	private Fresh fresh(ChannelView channel, List<InboxEvent> events) {
		Set<String> known = records.existingRemoteIds(channel.id(),
				events.stream().map(event -> StorableText.of(event.remoteId())).toList());
		List<InboxEvent> fresh = events.stream().filter(event -> !known.contains(StorableText.of(event.remoteId())))
			.toList();
		return new Fresh(fresh, fresh.stream().map(event -> classification.classify(StorableText.of(event.text())))
			.toList());
	}

	/**
	 * Stores the fresh events; runs inside the caller's transaction. The whole batch costs a handful of statements
	 * however long it is: one or two for the conversations (one when all are new), one batch of inserts, one update of
	 * the conversations that were there already and got something (none when all are new), and one
	 * {@link InboxItemsReceived}.
	 */
	private Stored storeEvents(ChannelView channel, Fresh batch) {
		Instant now = clock.instant();
		WorkspaceId workspace = channel.workspaceId();
		String network = channel.network().key();
		List<InboxEvent> fresh = batch.events();
		if (fresh.isEmpty()) {
			return new Stored(0, null);
		}
		List<ConversationRoot> roots = fresh.stream().map(InboxIngestion::rootOf).toList();
		InboxRecords.Conversations found = records.conversationsFor(workspace, channel.id(), network, roots, now,
				slas.forNew(workspace, now));
		Map<ConversationRoot, UUID> conversations = found.byRoot();
		List<InboxRecords.ItemRow> rows = new ArrayList<>(fresh.size());
		for (int i = 0; i < fresh.size(); i++) {
			UUID conversation = Objects.requireNonNull(conversations.get(roots.get(i)), "no conversation made");
			rows.add(row(channel, fresh.get(i), batch.classifications().get(i), conversation, now));
		}
		boolean[] added = records.insertNew(rows);
		List<InboxItemsReceived.Item> stored = new ArrayList<>();
		Set<UUID> touched = new LinkedHashSet<>();
		Instant newest = null;
		for (int i = 0; i < rows.size(); i++) {
			if (!added[i]) {
				continue;
			}
			InboxRecords.ItemRow row = rows.get(i);
			stored.add(new InboxItemsReceived.Item(row.id(), row.conversationId(), row.type(), row.createdAt(), now));
			if (!found.made().contains(row.conversationId())) {
				// one this batch made is active since now already
				touched.add(row.conversationId());
			}
			newest = newest == null || row.createdAt().isAfter(newest) ? row.createdAt() : newest;
		}
		records.touched(workspace, touched, now);
		if (!stored.isEmpty()) {
			this.events.publishEvent(new InboxItemsReceived(workspace, channel.id(), network, stored));
		}
		return new Stored(stored.size(), newest);
	}

	private static ConversationRoot rootOf(InboxEvent event) {
		ConversationKey key = ConversationKey.of(event);
		return new ConversationRoot(key.kind(), StorableText.of(key.rootRef()));
	}

	/** The item as it is stored: its text kept as received (made storable), classified, in its conversation. */
	private InboxRecords.ItemRow row(ChannelView channel, InboxEvent event, Classification classified,
			UUID conversation, Instant now) {
		String text = StorableText.of(event.text());
		RemotePostRef post = event.post();
		RemotePostRef subject = event.subject();
		return new InboxRecords.ItemRow(Ids.next(), channel.workspaceId(), channel.id(), channel.network().key(),
				conversation, StorableText.of(event.remoteId()), ConversationKey.type(event),
				StorableText.of(event.authorId()), StorableText.of(event.authorHandle()),
				StorableText.ofNullable(event.authorDisplayName()), text, StorableText.of(event.url()),
				event.createdAt(), now, post == null ? null : post.id(), post == null ? null : post.contentHash(),
				post == null ? null : post.rootId(), post == null ? null : post.rootContentHash(),
				subject == null ? null : subject.id(), subject == null ? null : subject.contentHash(),
				classified.language(), classified.sentimentLabel(), classified.sentimentScore());
	}

	private String owner() {
		return node + "/" + UUID.randomUUID();
	}

	private static String clip(String error) {
		return error.length() > 1000 ? error.substring(0, 1000) : error;
	}
}
