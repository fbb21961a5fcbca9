package app.chorus.channels.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelPermission;
import app.chorus.channels.ChannelView;
import app.chorus.channels.internal.ChannelService;
import app.chorus.channels.internal.OAuthConnections;
import app.chorus.channels.internal.SocialNetworks;
import app.chorus.channels.spi.InstanceOAuthConnecting;
import app.chorus.channels.spi.AppPasswordConnecting;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.crypto.MasterKey;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import app.chorus.workspace.WorkspaceManagement;
import app.chorus.workspace.WorkspaceManagement.MemberSummary;

/** The channels page: every connected account, its health and owners, and the ways to connect more. */
@Controller
class ChannelsController {

	private final ChannelService channels;
	private final OAuthConnections oauth;
	private final SocialNetworks networks;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final FormErrors errors;
	private final MasterKey masterKey;
	private final WorkspaceManagement workspaces;

	ChannelsController(ChannelService channels, OAuthConnections oauth, SocialNetworks networks, WorkspaceContext context,
			CurrentUser currentUser, FormErrors errors, MasterKey masterKey,
			WorkspaceManagement workspaces) {
		this.channels = channels;
		this.oauth = oauth;
		this.networks = networks;
		this.context = context;
		this.currentUser = currentUser;
		this.errors = errors;
		this.masterKey = masterKey;
		this.workspaces = workspaces;
	}

	@GetMapping("/channels")
	String page(Model model) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		List<ChannelView> all = channels.all(membership.workspaceId());
		model.addAttribute("channels", all);
		model.addAttribute("withoutBackup", all.stream().filter(c -> !c.hasBackup()).count());
		model.addAttribute("canManage", membership.can(Permission.CHANNELS_MANAGE));
		model.addAttribute("appPasswordNetworks", networks.available().stream()
			.filter(n -> networks.capability(n, AppPasswordConnecting.class).isPresent()).map(NetworkKey::key)
			.toList());
		model.addAttribute("oauthNetworks", networks.available().stream()
			.filter(n -> networks.capability(n, InstanceOAuthConnecting.class).isPresent()).map(NetworkKey::key)
			.toList());
		model.addAttribute("masterKeyGenerated", masterKey.generatedOnThisStart());
		model.addAttribute("masterKeyLocation", masterKey.location().toString());
		return "channels/channels";
	}

	@PostMapping("/channels/connect/{network}")
	String connect(@PathVariable String network, @RequestParam(defaultValue = "") String pdsUrl,
			@RequestParam(defaultValue = "") String handle, @RequestParam(defaultValue = "") String appPassword,
			Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		NetworkKey key = NetworkKey.fromKey(network).orElseThrow(() -> ChorusException.notFound("network"));
		ChannelService.Connected connected;
		try {
			connected = channels.connectWithAppPassword(membership, actor(), key, pdsUrl, handle, appPassword);
		}
		catch (ChorusException e) {
			errors.add(model, e);
			model.addAttribute("connectNetwork", network);
			model.addAttribute("pdsUrl", pdsUrl);
			model.addAttribute("handle", handle);
			return page(model);
		}
		redirect.addFlashAttribute("notice", connected.created() ? "channel.connected" : "channel.reconnected");
		return "redirect:/channels/" + connected.channel().id();
	}

	@PostMapping("/channels/connect/{network}/oauth")
	String connectByOAuth(@PathVariable String network, @RequestParam(defaultValue = "") String instanceUrl,
			Model model) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		NetworkKey key = NetworkKey.fromKey(network).orElseThrow(() -> ChorusException.notFound("network"));
		try {
			return "redirect:" + oauth.start(membership, key, instanceUrl).url();
		}
		catch (ChorusException e) {
			errors.add(model, e);
			model.addAttribute("connectNetwork", network);
			model.addAttribute("instanceUrl", instanceUrl);
			return page(model);
		}
	}

	/** Where the network sends the person back after they approved (or declined) access. */
	@GetMapping("/channels/oauth/callback")
	String oauthCallback(@RequestParam(required = false) String state, @RequestParam(required = false) String code,
			@RequestParam(required = false) String error, Model model, RedirectAttributes redirect) {
		var me = currentUser.require();
		try {
			OAuthConnections.Approved approved = oauth.complete(me.id(), state, error == null ? code : null);
			Membership membership = workspaces.membership(approved.workspaceId(), me.id())
				.orElseThrow(() -> ChorusException.notFound("workspace"));
			context.switchTo(membership.workspaceId());
			ChannelService.Connected connected = channels.store(membership, actor(), approved.network(),
					approved.account());
			redirect.addFlashAttribute("notice", connected.created() ? "channel.connected" : "channel.reconnected");
			return "redirect:/channels/" + connected.channel().id();
		}
		catch (ChorusException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			model.addAttribute("error", errors.message(e));
			return page(model);
		}
	}

	@GetMapping("/channels/{id}")
	String channel(@PathVariable UUID id, Model model) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		ChannelId channelId = new ChannelId(id);
		ChannelView channel = channels.find(membership.workspaceId(), channelId);
		model.addAttribute("channel", channel);
		model.addAttribute("grants", channels.grants(membership.workspaceId(), channelId));
		model.addAttribute("mine", channels.permissions(membership, channelId));
		model.addAttribute("allPermissions", ChannelPermission.values());
		model.addAttribute("canManage", membership.can(Permission.CHANNELS_MANAGE));
		List<MemberSummary> members = workspaces.members(membership.workspaceId());
		Set<UserId> owners = channel.owners().stream().map(ChannelView.Owner::userId).collect(Collectors.toSet());
		model.addAttribute("members", members);
		// offering someone who already owns the channel would change nothing
		model.addAttribute("ownerCandidates", members.stream().filter(m -> !owners.contains(m.userId())).toList());
		model.addAttribute("teams", workspaces.teams(membership.workspaceId()));
		model.addAttribute("reconnectByAppPassword",
				networks.capability(channel.network(), AppPasswordConnecting.class).isPresent());
		return "channels/channel";
	}

	@PostMapping("/channels/{id}/rename")
	String rename(@PathVariable UUID id, @RequestParam(defaultValue = "") String name, Model model,
			RedirectAttributes redirect) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		try {
			channels.rename(membership, actor(), new ChannelId(id), name);
		}
		catch (ChorusException e) {
			errors.add(model, e);
			return channel(id, model);
		}
		redirect.addFlashAttribute("notice", "channel.renamed");
		return "redirect:/channels/" + id;
	}

	@PostMapping("/channels/{id}/owners")
	String addOwner(@PathVariable UUID id, @RequestParam UserId userId) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		channels.addOwner(membership, actor(), new ChannelId(id), userId);
		return "redirect:/channels/" + id;
	}

	@PostMapping("/channels/{id}/owners/{userId}/remove")
	String removeOwner(@PathVariable UUID id, @PathVariable UserId userId) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		channels.removeOwner(membership, actor(), new ChannelId(id), userId);
		return "redirect:/channels/" + id;
	}

	@PostMapping("/channels/{id}/grants")
	String grant(@PathVariable UUID id, @RequestParam String grantee,
			@RequestParam(name = "permission", required = false) List<String> permissions, Model model) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		String[] parts = grantee.split(":", 2);
		Set<ChannelPermission> chosen = EnumSet.noneOf(ChannelPermission.class);
		for (String key : permissions == null ? List.<String>of() : permissions) {
			ChannelPermission.fromKey(key).ifPresent(chosen::add);
		}
		try {
			channels.grant(membership, actor(), new ChannelId(id), parts[0],
					parts.length == 2 ? parseUuid(parts[1]) : null, chosen);
		}
		catch (ChorusException e) {
			errors.add(model, e);
			return channel(id, model);
		}
		return "redirect:/channels/" + id;
	}

	@PostMapping("/channels/{id}/disconnect")
	String disconnect(@PathVariable UUID id, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		channels.disconnect(membership, actor(), new ChannelId(id));
		redirect.addFlashAttribute("notice", "channel.disconnected");
		return "redirect:/channels";
	}

	private static UUID parseUuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			throw ChorusException.invalid("granteeId", "channel.grant.grantee-required");
		}
	}

	private AuditActor actor() {
		var me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}
}
