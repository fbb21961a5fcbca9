package app.chorus.channels.api;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.channels.ChannelId;
import app.chorus.channels.internal.ChannelWebhookService;
import app.chorus.channels.internal.ChannelWebhookService.WebhookView;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.AuditActor;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A channel's incoming webhook, for networks that push (Mastodon's server webhooks): the address to give the
 * network and the secret it signs with. The secret is answered once, when it is made, and never again.
 */
@RestController
@RequestMapping("/api/v1/channels/{id}/webhook")
@Tag(name = "Channels", description = "Connected social accounts, their owners and who may do what with them")
class ChannelWebhooksApi {

	private final ChannelWebhookService webhooks;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	ChannelWebhooksApi(ChannelWebhookService webhooks, WorkspaceContext context, CurrentUser currentUser) {
		this.webhooks = webhooks;
		this.context = context;
		this.currentUser = currentUser;
	}

	/** @param secret only in the answer to {@code PUT} */
	record WebhookResource(UUID channelId, String network, boolean configured, String url,
			@Nullable Instant createdAt, @Nullable String secret) {
	}

	@Operation(summary = "Whether the channel has an incoming webhook, and the address to give the network")
	@GetMapping
	WebhookResource webhook(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		return resource(webhooks.find(membership, new ChannelId(id)));
	}

	@Operation(summary = "Make a new webhook secret (the old one stops working); the answer is the only time it is "
			+ "shown")
	@PutMapping
	WebhookResource create(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		return resource(webhooks.create(membership, actor(), new ChannelId(id)));
	}

	@Operation(summary = "Remove the channel's webhook: deliveries are refused from now on")
	@DeleteMapping
	ResponseEntity<Void> remove(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		webhooks.remove(membership, actor(), new ChannelId(id));
		return ResponseEntity.noContent().build();
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}

	private static WebhookResource resource(WebhookView view) {
		return new WebhookResource(view.channelId().value(), view.network(), view.configured(), view.url(),
				view.createdAt(), view.secret());
	}
}
