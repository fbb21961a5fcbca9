package app.chorus.channels.spi;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reading what a network pushes (Mastodon's server webhooks; Meta's and X's webhooks) besides polling. The adapter checks the delivery's
 * signature with the app secret before it reads a byte of the content, and turns the delivery into inbox events.
 * The web layer answers {@link WebhookRejected.Reason#UNSIGNED} and {@link WebhookRejected.Reason#BAD_SIGNATURE} with
 * 401 and {@link WebhookRejected.Reason#MALFORMED} with 400, and logs every refusal.
 */
public interface WebhookReceiving {

	/**
	 * Verifies and parses one delivery.
	 * @param headers the request's headers, names in lower case
	 * @param body the raw body, exactly as received (the signature covers these bytes)
	 * @param appSecret the secret the network signs with
	 * @throws WebhookRejected when the delivery is unsigned, wrongly signed or not understood
	 */
	WebhookDelivery parse(Map<String, List<String>> headers, byte[] body, String appSecret);

	/**
	 * A verified delivery: the events it carried, each with the network's id of the account it is for (so the caller
	 * finds the channel), and the answer to a subscription challenge when the network sent one.
	 */
	record WebhookDelivery(List<AddressedEvent> events, @Nullable String challengeAnswer) {

		public WebhookDelivery {
			events = List.copyOf(events);
		}
	}

	record AddressedEvent(String accountId, InboxReading.InboxEvent event) {
	}

	/** A delivery refused before anything in it was believed. */
	class WebhookRejected extends RuntimeException {

		public enum Reason {
			UNSIGNED, BAD_SIGNATURE, MALFORMED
		}

		private final Reason reason;

		public WebhookRejected(Reason reason, String detail) {
			super(detail);
			this.reason = reason;
		}

		public Reason reason() {
			return reason;
		}
	}
}
