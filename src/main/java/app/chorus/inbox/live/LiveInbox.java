package app.chorus.inbox.live;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import app.chorus.identity.UserAccount;
import app.chorus.shared.ids.WorkspaceId;

/**
 * The live inbox on this node: the open Server-Sent Events streams of each workspace, and who is looking at or
 * answering which conversation. Signals come from {@link InboxListener} (every node's changes); presence is announced
 * through the same signals, so every node knows everyone's, and forgotten when its holder stops renewing it.
 */
@Service
public class LiveInbox {

	private static final Logger log = LoggerFactory.getLogger(LiveInbox.class);
	/** A stream lives this long; the browser's EventSource then reconnects by itself. */
	static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
	/** Presence lasts this long unless renewed (clients renew it every 15 seconds while they stay). */
	static final Duration PRESENCE_LIFETIME = Duration.ofSeconds(40);

	/** Who is on a conversation, as others see it. */
	public record Presence(UUID userId, String name, String state, Instant until) {
	}

	private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
	/** conversation → user → presence */
	private final Map<UUID, Map<UUID, Presence>> presence = new ConcurrentHashMap<>();
	private final InboxSignals signals;
	private final Clock clock;

	LiveInbox(InboxSignals signals, Clock clock) {
		this.signals = signals;
		this.clock = clock;
	}

	/** A new stream of the workspace's inbox changes; it starts with a {@code ready} event. */
	public SseEmitter open(WorkspaceId workspace) {
		SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
		Set<SseEmitter> open = streams.computeIfAbsent(workspace.value(), w -> ConcurrentHashMap.newKeySet());
		open.add(emitter);
		Runnable close = () -> open.remove(emitter);
		emitter.onCompletion(close);
		emitter.onTimeout(close);
		emitter.onError(e -> close.run());
		try {
			emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON).reconnectTime(3000));
		}
		catch (IOException | IllegalStateException e) {
			close.run();
		}
		return emitter;
	}

	/** How many streams this node has open for the workspace. */
	public int streams(WorkspaceId workspace) {
		return streams.getOrDefault(workspace.value(), Set.of()).size();
	}

	/**
	 * Says that the member is looking at ({@code viewing}), answering ({@code typing}) or has left ({@code left}) the
	 * conversation; every node's streams in the workspace hear it.
	 */
	public void announce(WorkspaceId workspace, UUID conversation, UserAccount member, String state) {
		signals.send(new InboxSignal(InboxSignal.PRESENCE, workspace.value(), conversation, null, null, state,
				member.id().value(), member.displayName(), clock.instant()));
	}

	/** Everyone else on the conversation now, longest there first. */
	public List<Presence> present(UUID conversation, UUID except) {
		Instant now = clock.instant();
		List<Presence> others = new ArrayList<>();
		presence.getOrDefault(conversation, Map.of()).values().stream()
			.filter(p -> !p.userId().equals(except) && p.until().isAfter(now)).forEach(others::add);
		others.sort(Comparator.comparing(Presence::until));
		return others;
	}

	/**
	 * Signals from any node, in the order they were sent: presence is kept, and each of this node's streams of a
	 * signal's workspace is sent its workspace's signals at once (one write and one flush, however many there are).
	 */
	void deliver(List<InboxSignal> signals) {
		Map<UUID, List<InboxSignal>> byWorkspace = new java.util.LinkedHashMap<>();
		for (InboxSignal signal : signals) {
			keepPresence(signal);
			byWorkspace.computeIfAbsent(signal.workspaceId(), w -> new ArrayList<>()).add(signal);
		}
		byWorkspace.forEach((workspace, theirs) -> {
			for (SseEmitter stream : streams.getOrDefault(workspace, Set.of())) {
				send(stream, theirs);
			}
		});
	}

	private void keepPresence(InboxSignal signal) {
		if (InboxSignal.PRESENCE.equals(signal.kind()) && signal.conversationId() != null && signal.userId() != null) {
			Map<UUID, Presence> here = presence.computeIfAbsent(signal.conversationId(),
					c -> new ConcurrentHashMap<>());
			if ("left".equals(signal.state())) {
				here.remove(signal.userId());
			}
			else {
				here.put(signal.userId(), new Presence(signal.userId(), signal.name() == null ? "" : signal.name(),
						signal.state() == null ? "viewing" : signal.state(), signal.at().plus(PRESENCE_LIFETIME)));
			}
		}
	}

	private static void send(SseEmitter stream, List<InboxSignal> signals) {
		// one event per signal, written together
		Set<ResponseBodyEmitter.DataWithMediaType> events = new java.util.LinkedHashSet<>();
		for (InboxSignal signal : signals) {
			events.addAll(SseEmitter.event().name(signal.kind()).data(signal, MediaType.APPLICATION_JSON).build());
		}
		try {
			stream.send(events);
		}
		catch (IOException | IllegalStateException e) {
			// the client went away: the emitter's own callbacks remove it
			stream.completeWithError(e);
		}
	}

	/**
	 * Ends every stream when the node shuts down (before the web server's graceful shutdown, which would otherwise
	 * wait its full time for these never-ending requests); the browsers reconnect to another node, or to this one
	 * when it is back.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeStreams() {
		streams.values().forEach(open -> open.forEach(stream -> {
			try {
				stream.complete();
			}
			catch (RuntimeException e) {
				// already gone
			}
		}));
		streams.clear();
	}

	/** Keeps idle streams open through proxies and finds the dead ones; forgets presence nobody renewed. */
	@Scheduled(fixedDelayString = "PT20S")
	void heartbeat() {
		Instant now = clock.instant();
		presence.values().forEach(users -> users.values().removeIf(p -> !p.until().isAfter(now)));
		presence.values().removeIf(Map::isEmpty);
		streams.values().forEach(open -> open.forEach(stream -> {
			try {
				stream.send(SseEmitter.event().comment("keep-alive"));
			}
			catch (IOException | IllegalStateException e) {
				stream.completeWithError(e);
			}
		}));
		log.trace("Live inbox: {} workspaces with streams", streams.size());
	}
}
