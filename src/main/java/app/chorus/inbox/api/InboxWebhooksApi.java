package app.chorus.inbox.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelWebhooks;
import app.chorus.channels.ChannelWebhooks.PushedEvents;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.WebhookReceiving.WebhookRejected;
import app.chorus.inbox.internal.InboxIngestion;
import app.chorus.shared.web.ChorusException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where networks push inbox messages (Mastodon's server webhooks): no session and no token, the delivery's signature
 * with the channel's webhook secret is what counts. An unknown channel, one on another network or one without a secret
 * is a 404; a body over {@code chorus.inbox.webhook-max-body} a 413; an unsigned or wrongly signed delivery a 401; one
 * that is not understood a 400. Every refusal is logged with the channel, the reason and the caller's address, never
 * the body. Accepted messages are stored as polled ones are ({@link InboxIngestion#storePushed}), once each.
 */
@RestController
@Tag(name = "Inbox", description = "Messages to the workspace's channels")
class InboxWebhooksApi {

	private static final Logger log = LoggerFactory.getLogger(InboxWebhooksApi.class);

	private final ChannelWebhooks webhooks;
	private final InboxIngestion ingestion;
	private final long maxBody;

	InboxWebhooksApi(ChannelWebhooks webhooks, InboxIngestion ingestion,
			@Value("${chorus.inbox.webhook-max-body:1MB}") DataSize maxBody) {
		this.webhooks = webhooks;
		this.ingestion = ingestion;
		this.maxBody = maxBody.toBytes();
	}

	@Operation(summary = "A network's signed webhook delivery for a channel (the address the channel's webhook "
			+ "settings give); answers 204 once the messages are stored")
	@PostMapping("/api/v1/webhooks/{network}/{channelId}")
	ResponseEntity<String> receive(@PathVariable String network, @PathVariable String channelId,
			HttpServletRequest request) {
		Optional<NetworkKey> key = NetworkKey.fromKey(network.toLowerCase(Locale.ROOT));
		Optional<UUID> id = uuid(channelId);
		if (key.isEmpty() || id.isEmpty()) {
			throw refused(channelId, "unknown channel", request, ChorusException.notFound("channel"));
		}
		byte[] body = body(request, channelId);
		Optional<PushedEvents> delivery;
		try {
			delivery = webhooks.receive(key.get(), new ChannelId(id.get()), headers(request), body);
		}
		catch (WebhookRejected e) {
			HttpStatus status = e.reason() == WebhookRejected.Reason.MALFORMED ? HttpStatus.BAD_REQUEST
					: HttpStatus.UNAUTHORIZED;
			String message = switch (e.reason()) {
				case UNSIGNED -> "inbox.webhook.unsigned";
				case BAD_SIGNATURE -> "inbox.webhook.bad-signature";
				case MALFORMED -> "inbox.webhook.malformed";
			};
			throw refused(channelId, e.reason() + " (" + e.getMessage() + ")", request,
					new ChorusException(status, message, null));
		}
		if (delivery.isEmpty()) {
			throw refused(channelId, "no such channel on " + key.get().key() + ", or no webhook secret", request,
					ChorusException.notFound("channel"));
		}
		PushedEvents pushed = delivery.get();
		ingestion.storePushed(pushed.channel().workspaceId(), pushed.channel().id(), pushed.events());
		if (pushed.challengeAnswer() != null) {
			return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(pushed.challengeAnswer());
		}
		return ResponseEntity.noContent().build();
	}

	/** The raw body, up to the limit: the signature covers exactly these bytes. */
	private byte[] body(HttpServletRequest request, String channelId) {
		if (request.getContentLengthLong() > maxBody) {
			throw tooLarge(channelId, request);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
			if (body.length > maxBody) {
				throw tooLarge(channelId, request);
			}
			return body;
		}
		catch (IOException e) {
			throw refused(channelId, "the body could not be read (" + e.getMessage() + ")", request,
					new ChorusException(HttpStatus.BAD_REQUEST, "inbox.webhook.malformed", null));
		}
	}

	private ChorusException tooLarge(String channelId, HttpServletRequest request) {
		return refused(channelId, "body over " + maxBody + " bytes", request,
				new ChorusException(HttpStatus.CONTENT_TOO_LARGE, "inbox.webhook.too-large", null,
						maxBody / 1024));
	}

	private static ChorusException refused(String channelId, String reason, HttpServletRequest request,
			ChorusException answer) {
		log.warn("Refused a webhook delivery for channel {}: {}, from {}", clip(channelId), reason,
				request.getRemoteAddr());
		return answer;
	}

	private static Map<String, List<String>> headers(HttpServletRequest request) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new java.util.ArrayList<>())
				.addAll(Collections.list(request.getHeaders(name)));
		}
		return headers;
	}

	private static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** A path segment from anyone on the internet, kept short and on one line in the log. */
	private static String clip(String text) {
		String oneLine = text.replaceAll("[\\r\\n\\t]", "_");
		return oneLine.length() > 64 ? oneLine.substring(0, 64) + "…" : oneLine;
	}
}
