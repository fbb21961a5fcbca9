package app.chorus.channels.network.mastodon;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

import app.chorus.channels.spi.WebhookReceiving.AddressedEvent;
import app.chorus.channels.spi.WebhookReceiving.WebhookDelivery;
import app.chorus.channels.spi.WebhookReceiving.WebhookRejected;
import app.chorus.channels.spi.WebhookReceiving.WebhookRejected.Reason;
import app.chorus.channels.spi.WebhookSignatures;

/**
 * Mastodon's server webhooks (Administration &gt; Webhooks, docs.joinmastodon.org/admin/webhooks): an admin of the
 * brand's own instance subscribes Chorus to {@code status.created} and {@code status.updated}. Each POST carries
 * {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the body with the webhook's secret>} and the body
 * {@code {"event": "status.created", "created_at": "...", "object": {a Status}}}.
 * <p>
 * The signature is checked before anything in the body is read. A status becomes one event for each account it
 * mentions ({@code mentions[].id}) or answers ({@code in_reply_to_account_id}), other than its author's own; the
 * caller keeps the events addressed to its channel's account. The events are the ones polling makes of the same
 * status ({@link MastodonInbox#mention}), with the same network id, so a status seen both ways is stored once. Other
 * events are acknowledged with nothing in them.
 * <p>
 * The payload does not say the instance's own domain, which local accounts' {@code acct} leaves out; their handles
 * take the host of the author's profile {@code url} (the instance's web domain).
 */
final class MastodonWebhooks {

	static final String SIGNATURE_HEADER = "x-hub-signature";
	private static final Set<String> STATUS_EVENTS = Set.of("status.created", "status.updated");

	private MastodonWebhooks() {
	}

	static WebhookDelivery parse(Map<String, List<String>> headers, byte[] body, String secret) {
		List<String> signatures = headers.getOrDefault(SIGNATURE_HEADER, List.of());
		WebhookSignatures.requireHmacSha256(signatures.isEmpty() ? null : signatures.getFirst(), body, secret);
		JsonNode delivery;
		try {
			delivery = MastodonJson.readTree(body);
		}
		catch (MastodonJson.MalformedAnswer e) {
			throw malformed("the body is not JSON");
		}
		if (!delivery.isObject() || !delivery.path("event").isString()) {
			throw malformed("the body is not a webhook delivery (no event)");
		}
		if (!STATUS_EVENTS.contains(delivery.path("event").asString())) {
			return new WebhookDelivery(List.of(), null);
		}
		JsonNode object = delivery.path("object");
		if (!object.isObject()) {
			throw malformed("a status event without its status");
		}
		MastodonStatus status;
		try {
			status = MastodonJson.convert(object, MastodonStatus.class);
		}
		catch (MastodonJson.MalformedAnswer e) {
			throw malformed("the object is not a status");
		}
		MastodonAccount author = status.account();
		if (isBlank(status.id()) || author == null || isBlank(author.id()) || isBlank(author.acct())) {
			throw malformed("the status lacks its id or author");
		}
		if (!object.path("mentions").isMissingNode() && !object.path("mentions").isNull()
				&& !object.path("mentions").isArray()) {
			throw malformed("the status's mentions are not a list");
		}
		String domain = domain(author, status);
		List<AddressedEvent> events = new ArrayList<>();
		for (String account : addressees(status, object.path("mentions"))) {
			if (!account.equals(author.id())) {
				events.add(new AddressedEvent(account, MastodonInbox.mention(status, author, account, domain)));
			}
		}
		return new WebhookDelivery(events, null);
	}

	/** The accounts the status is for: those it mentions, then the one it answers. */
	private static Set<String> addressees(MastodonStatus status, JsonNode mentions) {
		Set<String> accounts = new LinkedHashSet<>();
		if (mentions.isArray()) {
			for (JsonNode mention : mentions) {
				JsonNode id = mention.path("id");
				if (id.isString() && !id.asString().isBlank()) {
					accounts.add(id.asString());
				}
			}
		}
		if (!isBlank(status.inReplyToAccountId()) && !isBlank(status.inReplyToId())) {
			accounts.add(status.inReplyToAccountId());
		}
		return accounts;
	}

	private static String domain(MastodonAccount author, MastodonStatus status) {
		for (String link : new String[] { author.url(), status.url(), status.uri() }) {
			if (link == null) {
				continue;
			}
			try {
				String host = URI.create(link).getHost();
				if (host != null) {
					return host;
				}
			}
			catch (IllegalArgumentException e) {
				// not a URL: the next one may be
			}
		}
		throw malformed("the status names no server");
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static WebhookRejected malformed(String detail) {
		return new WebhookRejected(Reason.MALFORMED, detail);
	}
}
