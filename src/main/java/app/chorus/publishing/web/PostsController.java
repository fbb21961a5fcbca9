package app.chorus.publishing.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelView;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.IdentityManagement;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.PostId;
import app.chorus.publishing.PostStatus;
import app.chorus.publishing.campaigns.Campaigns;
import app.chorus.publishing.internal.PostService;
import app.chorus.publishing.internal.PostService.PostView;
import app.chorus.publishing.internal.PublishingSwitch;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;

/**
 * The posts list, newest first and filtered by status, channel and campaign, with the crisis switch above it and the
 * way to campaigns and approval policies.
 */
@Controller
class PostsController {

	private static final int PAGE_SIZE = 30;

	private final PostService posts;
	private final PublishingSwitch publishing;
	private final Campaigns campaigns;
	private final ChannelManagement channels;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final IdentityManagement identity;
	private final FormErrors errors;

	PostsController(PostService posts, PublishingSwitch publishing, Campaigns campaigns, ChannelManagement channels,
			WorkspaceContext context, CurrentUser currentUser, IdentityManagement identity, FormErrors errors) {
		this.posts = posts;
		this.publishing = publishing;
		this.campaigns = campaigns;
		this.channels = channels;
		this.context = context;
		this.currentUser = currentUser;
		this.identity = identity;
		this.errors = errors;
	}

	@GetMapping("/posts")
	String list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID channel,
			@RequestParam(required = false) @Nullable UUID campaign,
			@RequestParam(required = false) @Nullable UUID after, Model model) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		PostStatus wanted = status == null ? null : PostStatus.fromKey(status).orElse(null);
		List<ChannelView> all = channels.all(membership.workspaceId());
		Map<UUID, ChannelView> byId = all.stream()
			.collect(Collectors.toMap(c -> c.id().value(), Function.identity()));
		PostView last = after == null ? null : posts.find(membership.workspaceId(), new PostId(after));
		List<PostView> page = posts.page(membership.workspaceId(), wanted, channel, campaign, last, PAGE_SIZE + 1);
		List<Campaigns.Campaign> everyCampaign = campaigns.all(membership.workspaceId(), true);
		Map<UUID, Campaigns.Campaign> campaignsById = everyCampaign.stream()
			.collect(Collectors.toMap(Campaigns.Campaign::id, Function.identity()));
		model.addAttribute("items", page.stream().limit(PAGE_SIZE)
			.map(p -> PostListItem.of(p, byId, campaignsById)).toList());
		model.addAttribute("next", page.size() > PAGE_SIZE ? page.get(PAGE_SIZE - 1).id().value() : null);
		model.addAttribute("status", wanted == null ? "" : wanted.key());
		model.addAttribute("channel", channel);
		model.addAttribute("campaign", campaign);
		model.addAttribute("campaigns", everyCampaign);
		model.addAttribute("filtered", wanted != null || channel != null || campaign != null);
		model.addAttribute("canChangePolicies", membership.can(Permission.WORKSPACE_SETTINGS)
				|| membership.can(Permission.CHANNELS_MANAGE));
		model.addAttribute("statuses", PostStatus.values());
		model.addAttribute("channels", all);
		model.addAttribute("canDraft", membership.can(Permission.POSTS_DRAFT));
		PublishingSwitch.State state = publishing.state(membership.workspaceId());
		model.addAttribute("publishing", state);
		model.addAttribute("pausedBy", state.pausedBy() == null ? ""
				: identity.find(state.pausedBy()).map(UserAccount::displayName).orElse(""));
		// the service asks for both: pausing everyone's publishing is a publisher's and an approver's call
		model.addAttribute("canSwitch", membership.can(Permission.POSTS_PUBLISH)
				&& membership.can(Permission.POSTS_APPROVE));
		return "publishing/posts";
	}

	@PostMapping("/posts/pause")
	String pause(@RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		try {
			publishing.pause(membership, actor(), reason);
		}
		catch (ChorusException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			errors.add(model, e);
			model.addAttribute("reason", reason);
			return list(null, null, null, null, model);
		}
		redirect.addFlashAttribute("notice", "posts.paused.notice");
		return "redirect:/posts";
	}

	@PostMapping("/posts/resume")
	String resume(@RequestParam(defaultValue = "") String choice, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		try {
			publishing.resume(membership, actor(), PublishingSwitch.Choice.fromKey(choice));
		}
		catch (ChorusException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			errors.add(model, e);
			return list(null, null, null, null, model);
		}
		redirect.addFlashAttribute("notice", "posts.resumed.notice");
		return "redirect:/posts";
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}
}
