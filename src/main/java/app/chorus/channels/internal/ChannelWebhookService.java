package app.chorus.channels.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelView;
import app.chorus.channels.ChannelWebhookChanged;
import app.chorus.channels.internal.vault.WebhookSecrets;
import app.chorus.channels.spi.InboxReading.InboxEvent;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.WebhookReceiving;
import app.chorus.channels.spi.WebhookReceiving.AddressedEvent;
import app.chorus.channels.spi.WebhookReceiving.WebhookDelivery;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;

/**
 * Incoming webhooks per channel: the secret the network signs deliveries with (made here, shown once, kept sealed),
 * the address to give the network, and checking a delivery with the channel's adapter. Configuring needs the
 * channel-management permission and is audited; another workspace's channel is not found.
 */
@Service
public class ChannelWebhookService {

	/** 32 random bytes, as hexadecimal: what Mastodon's admin form takes as a secret. */
	private static final int SECRET_BYTES = 32;

	private final ChannelService channels;
	private final SocialNetworks networks;
	private final WebhookSecrets secrets;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final String baseUrl;
	private final SecureRandom random = new SecureRandom();

	ChannelWebhookService(ChannelService channels, SocialNetworks networks, WebhookSecrets secrets,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			@Value("${chorus.base-url}") String baseUrl) {
		this.channels = channels;
		this.networks = networks;
		this.secrets = secrets;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/**
	 * A channel's webhook as people see it.
	 * @param secret only in the answer that made it, never afterwards
	 */
	public record WebhookView(ChannelId channelId, String network, boolean configured, String url,
			@Nullable Instant createdAt, @Nullable String secret) {
	}

	/** A verified delivery for a channel: the events for its account, and the answer to a challenge, if asked. */
	public record Received(ChannelView channel, List<InboxEvent> events, @Nullable String challengeAnswer) {
	}

	public WebhookView find(Membership membership, ChannelId id) {
		ChannelView channel = manageable(membership, id);
		Optional<Instant> created = secrets.createdAt(membership.workspaceId(), id);
		return new WebhookView(id, channel.network().key(), created.isPresent(), url(channel),
				created.orElse(null), null);
	}

	/** Makes a new secret (the old one stops working at once) and answers it, this once. */
	public WebhookView create(Membership membership, AuditActor who, ChannelId id) {
		ChannelView channel = manageable(membership, id);
		if (networks.capability(channel.network(), WebhookReceiving.class).isEmpty()) {
			throw ChorusException.conflict("network", "channel.webhook.unsupported");
		}
		byte[] bytes = new byte[SECRET_BYTES];
		random.nextBytes(bytes);
		String secret = HexFormat.of().formatHex(bytes);
		Instant now = clock.instant();
		transactions.executeWithoutResult(s -> {
			if (!secrets.store(membership.workspaceId(), id, secret, now)) {
				throw ChorusException.notFound("channel");
			}
			events.publishEvent(new ChannelWebhookChanged(membership.workspaceId(), who, id, channel.network().key(),
					channel.name(), true, RequestOrigin.current()));
		});
		return new WebhookView(id, channel.network().key(), true, url(channel), now, secret);
	}

	/** Removes the secret: the network's deliveries are refused from now on. */
	public void remove(Membership membership, AuditActor who, ChannelId id) {
		ChannelView channel = manageable(membership, id);
		transactions.executeWithoutResult(s -> {
			if (!secrets.remove(membership.workspaceId(), id)) {
				throw ChorusException.notFound("webhook");
			}
			events.publishEvent(new ChannelWebhookChanged(membership.workspaceId(), who, id, channel.network().key(),
					channel.name(), false, RequestOrigin.current()));
		});
	}

	/**
	 * Checks and reads one delivery with the channel's adapter and secret.
	 * @return empty when there is no such channel, it is on another network, its adapter takes no webhooks, or it has
	 * no secret
	 * @throws WebhookReceiving.WebhookRejected when the delivery is unsigned, wrongly signed or not understood
	 */
	public Optional<Received> receive(NetworkKey network, ChannelId id, Map<String, List<String>> headers,
			byte[] body) {
		Optional<WorkspaceId> workspace = secrets.workspaceOf(id);
		if (workspace.isEmpty()) {
			return Optional.empty();
		}
		Optional<ChannelView> channel = channels.network(workspace.get(), id)
			.filter(key -> key == network)
			.map(key -> channels.find(workspace.get(), id));
		Optional<WebhookReceiving> receiver = networks.capability(network, WebhookReceiving.class);
		Optional<String> secret = secrets.load(workspace.get(), id);
		if (channel.isEmpty() || receiver.isEmpty() || secret.isEmpty()) {
			return Optional.empty();
		}
		WebhookDelivery delivery = receiver.get().parse(headers, body, secret.get());
		String account = channel.get().accountId();
		List<InboxEvent> mine = delivery.events().stream()
			.filter(addressed -> addressed.accountId().equals(account))
			.map(AddressedEvent::event)
			.toList();
		return Optional.of(new Received(channel.get(), mine, delivery.challengeAnswer()));
	}

	private ChannelView manageable(Membership membership, ChannelId id) {
		if (!membership.can(Permission.CHANNELS_MANAGE)) {
			throw ChorusException.forbidden("error.forbidden");
		}
		return channels.find(membership.workspaceId(), id);
	}

	private String url(ChannelView channel) {
		return baseUrl + "/api/v1/webhooks/" + channel.network().key() + "/" + channel.id().value();
	}
}
