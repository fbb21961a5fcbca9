package app.chorus.publishing.links.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.channels.spi.NetworkKey;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.links.ShortLinkId;
import app.chorus.publishing.links.ShortLinkView;
import app.chorus.publishing.links.ShortLinks;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;

/** The links page: the workspace's short links with their clicks, and a form to make one by hand. */
@Controller
class LinksController {

	private static final int PAGE_SIZE = 50;

	private final ShortLinks links;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final FormErrors errors;

	LinksController(ShortLinks links, WorkspaceContext context, CurrentUser currentUser, FormErrors errors) {
		this.links = links;
		this.context = context;
		this.currentUser = currentUser;
		this.errors = errors;
	}

	@GetMapping("/links")
	String page(@RequestParam(required = false) @Nullable UUID before, Model model) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		List<ShortLinkView> page = links.newest(membership.workspaceId(),
				before == null ? null : new ShortLinkId(before), PAGE_SIZE);
		model.addAttribute("links", page);
		model.addAttribute("next", page.size() == PAGE_SIZE ? page.getLast().id().value() : null);
		model.addAttribute("canCreate", membership.can(Permission.POSTS_DRAFT));
		model.addAttribute("networks", Arrays.stream(NetworkKey.values()).map(NetworkKey::key).toList());
		return "publishing/links/links";
	}

	@GetMapping("/links/{id}")
	String link(@PathVariable UUID id, Model model) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		model.addAttribute("detail", links.find(membership.workspaceId(), new ShortLinkId(id)));
		return "publishing/links/link";
	}

	@PostMapping("/links")
	String create(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String network,
			@RequestParam(defaultValue = "") String campaign, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		ShortLinkView link;
		try {
			link = links.create(membership.workspaceId(), actor(), url, network, campaign);
		}
		catch (ChorusException e) {
			errors.add(model, e);
			model.addAttribute("url", url);
			model.addAttribute("network", network);
			model.addAttribute("campaign", campaign);
			return page(null, model);
		}
		redirect.addFlashAttribute("notice", "links.created");
		return "redirect:/links/" + link.id();
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}
}
