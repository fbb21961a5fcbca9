package app.chorus.channels;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import app.chorus.channels.internal.ChannelWebhookService;
import app.chorus.channels.spi.InboxReading.InboxEvent;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.WebhookReceiving.WebhookRejected;

/**
 * What other modules may ask of a channel's incoming webhook: whether a delivery is genuine, and what it says. The
 * secret it is checked with never leaves the channels module.
 */
@Service
public class ChannelWebhooks {

	private final ChannelWebhookService webhooks;

	ChannelWebhooks(ChannelWebhookService webhooks) {
		this.webhooks = webhooks;
	}

	/**
	 * A verified delivery: the channel it was for, the events addressed to the channel's account (possibly none), and
	 * the answer to a subscription challenge when the network asked one.
	 */
	public record PushedEvents(ChannelView channel, List<InboxEvent> events, @Nullable String challengeAnswer) {

		public PushedEvents {
			events = List.copyOf(events);
		}
	}

	/**
	 * Checks one delivery for the channel with its adapter and the channel's webhook secret.
	 * @param headers the request's headers, names in lower case
	 * @param body the raw body, exactly as received
	 * @return empty when there is no such channel, it is not on {@code network}, or it has no webhook secret
	 * @throws WebhookRejected when the delivery is unsigned, wrongly signed or not understood
	 */
	public Optional<PushedEvents> receive(NetworkKey network, ChannelId channel, Map<String, List<String>> headers,
			byte[] body) {
		return webhooks.receive(network, channel, headers, body)
			.map(received -> new PushedEvents(received.channel(), received.events(), received.challengeAnswer()));
	}
}
