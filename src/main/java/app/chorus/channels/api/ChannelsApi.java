package app.chorus.channels.api;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelPermission;
import app.chorus.channels.ChannelView;
import app.chorus.channels.internal.ChannelService;
import app.chorus.channels.internal.ChannelService.GrantView;
import app.chorus.channels.internal.OAuthConnections;
import app.chorus.channels.internal.SocialNetworks;
import app.chorus.channels.spi.InstanceOAuthConnecting;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.Page;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Channels of the caller's workspace: connecting, listing, renaming, disconnecting, owners and grants. Secrets go in
 * (an app password) and never come out.
 */
@RestController
@RequestMapping("/api/v1/channels")
@Tag(name = "Channels", description = "Connected social accounts, their owners and who may do what with them")
class ChannelsApi {

	private final ChannelService channels;
	private final OAuthConnections oauth;
	private final SocialNetworks networks;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	ChannelsApi(ChannelService channels, OAuthConnections oauth, SocialNetworks networks, WorkspaceContext context,
			CurrentUser currentUser) {
		this.channels = channels;
		this.oauth = oauth;
		this.networks = networks;
		this.context = context;
		this.currentUser = currentUser;
	}

	record OwnerResource(UUID userId, String email, String displayName) {
	}

	record GrantResource(String granteeType, UUID granteeId, String granteeName, List<String> permissions) {
	}

	record ChannelResource(UUID id, String network, String name, String handle, @Nullable String displayName,
			@Nullable String avatarUrl, String endpoint, String status, List<OwnerResource> owners, boolean hasBackup,
			Instant connectedAt, @Nullable Instant tokenExpiresAt, @Nullable String lastError,
			@Nullable List<GrantResource> grants, @Nullable List<String> myPermissions) {
	}

	/**
	 * Connecting a channel. Bluesky: {@code handle} (or DID), {@code appPassword} and optionally {@code pdsUrl}
	 * (default https://bsky.social).
	 */
	record ConnectBody(@Nullable String network, @Nullable String pdsUrl, @Nullable String handle,
			@Nullable String appPassword, @Nullable String instanceUrl, @Nullable String name) {

		@Override
		public String toString() {
			return "ConnectBody[network=" + network + ", handle=" + handle + ", appPassword hidden]";
		}
	}

	record ChannelPatch(@Nullable String name) {
	}

	record GrantBody(@Nullable String granteeType, @Nullable UUID granteeId, @Nullable List<String> permissions) {
	}

	@Operation(summary = "The workspace's channels, with owners and the no-backup flag")
	@GetMapping
	Page<ChannelResource> list() {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return Page.of(channels.all(membership.workspaceId()).stream().map(c -> resource(c, null, null)).toList());
	}

	/** A connection that continues at the network: the person opens {@code authorizationUrl} and approves. */
	record AuthorizationResource(String network, URI authorizationUrl, Instant expiresAt) {
	}

	@Operation(summary = "Connect a channel. Bluesky: handle (or DID), appPassword, optional pdsUrl; answers 201 with "
			+ "the channel. Mastodon: instanceUrl; answers 202 with the authorizationUrl where the person approves "
			+ "(the channel appears once they have)")
	@PostMapping
	ResponseEntity<?> connect(@RequestBody ConnectBody body) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		NetworkKey network = NetworkKey.fromKey(body.network() == null ? "" : body.network().toLowerCase(Locale.ROOT))
			.orElseThrow(() -> ChorusException.invalid("network", "channel.network.unknown"));
		if (networks.capability(network, InstanceOAuthConnecting.class).isPresent()) {
			OAuthConnections.Authorization authorization = oauth.start(membership, network, body.instanceUrl());
			return ResponseEntity.accepted()
				.body(new AuthorizationResource(network.key(), authorization.url(), authorization.expiresAt()));
		}
		ChannelService.Connected connected = channels.connectWithAppPassword(membership, actor(), network,
				body.pdsUrl(), body.handle(), body.appPassword());
		ChannelView channel = connected.channel();
		if (body.name() != null && !body.name().isBlank()) {
			channel = channels.rename(membership, actor(), channel.id(), body.name());
		}
		ChannelResource resource = detail(membership, channel);
		return connected.created()
				? ResponseEntity.created(URI.create("/api/v1/channels/" + channel.id())).body(resource)
				: ResponseEntity.ok(resource);
	}

	@Operation(summary = "One channel, with its grants and what the caller may do with it")
	@GetMapping("/{id}")
	ChannelResource channel(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return detail(membership, channels.find(membership.workspaceId(), new ChannelId(id)));
	}

	@Operation(summary = "Rename a channel")
	@PatchMapping("/{id}")
	ChannelResource rename(@PathVariable UUID id, @RequestBody ChannelPatch patch) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		return detail(membership, channels.rename(membership, actor(), new ChannelId(id), patch.name()));
	}

	@Operation(summary = "Disconnect a channel: revoked at the network where possible, its secrets purged")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> disconnect(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		channels.disconnect(membership, actor(), new ChannelId(id));
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Make a member an owner of the channel")
	@PutMapping("/{id}/owners/{userId}")
	ChannelResource addOwner(@PathVariable UUID id, @PathVariable UUID userId) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		return detail(membership, channels.addOwner(membership, actor(), new ChannelId(id), new UserId(userId)));
	}

	@Operation(summary = "Remove an owner from the channel")
	@DeleteMapping("/{id}/owners/{userId}")
	ChannelResource removeOwner(@PathVariable UUID id, @PathVariable UUID userId) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		return detail(membership, channels.removeOwner(membership, actor(), new ChannelId(id), new UserId(userId)));
	}

	@Operation(summary = "Set what a member or team may do with the channel (empty permissions remove the grant)")
	@PutMapping("/{id}/grants")
	Page<GrantResource> grant(@PathVariable UUID id, @RequestBody GrantBody body) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		Set<ChannelPermission> permissions = EnumSet.noneOf(ChannelPermission.class);
		for (String key : body.permissions() == null ? List.<String>of() : body.permissions()) {
			permissions.add(ChannelPermission.fromKey(key.toLowerCase(Locale.ROOT))
				.orElseThrow(() -> ChorusException.invalid("permissions", "channel.grant.permission")));
		}
		return Page.of(channels.grant(membership, actor(), new ChannelId(id), body.granteeType(), body.granteeId(),
				permissions).stream().map(ChannelsApi::grant).toList());
	}

	private ChannelResource detail(Membership membership, ChannelView channel) {
		return resource(channel, channels.grants(membership.workspaceId(), channel.id()),
				channels.permissions(membership, channel.id()));
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}

	private static ChannelResource resource(ChannelView c, @Nullable List<GrantView> grants,
			@Nullable Set<ChannelPermission> mine) {
		return new ChannelResource(c.id().value(), c.network().key(), c.name(), c.handle(), c.displayName(),
				c.avatarUrl(), c.endpoint(), c.status().key(),
				c.owners().stream().map(o -> new OwnerResource(o.userId().value(), o.email(), o.displayName()))
					.toList(),
				c.hasBackup(), c.connectedAt(), c.tokenExpiresAt(), c.lastError(),
				grants == null ? null : grants.stream().map(ChannelsApi::grant).toList(),
				mine == null ? null : mine.stream().map(ChannelPermission::key).sorted().toList());
	}

	private static GrantResource grant(GrantView g) {
		return new GrantResource(g.granteeType(), g.granteeId(), g.granteeName(),
				g.permissions().stream().map(ChannelPermission::key).sorted().toList());
	}
}
