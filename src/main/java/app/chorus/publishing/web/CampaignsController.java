package app.chorus.publishing.web;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.campaigns.Campaigns;
import app.chorus.publishing.campaigns.Campaigns.Campaign;
import app.chorus.publishing.campaigns.Campaigns.CampaignInput;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;

/**
 * Campaigns: the running ones with their colour, dates and objective, the archived ones below; made and changed by
 * those who may publish, read by everyone. Each links to its posts.
 */
@Controller
class CampaignsController {

	/** A new campaign's colour until one is chosen. */
	static final String DEFAULT_COLOUR = "#4f6bed";

	private final Campaigns campaigns;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final FormErrors errors;

	CampaignsController(Campaigns campaigns, WorkspaceContext context, CurrentUser currentUser, FormErrors errors) {
		this.campaigns = campaigns;
		this.context = context;
		this.currentUser = currentUser;
		this.errors = errors;
	}

	/** The campaign form as typed. */
	public record CampaignForm(String name, String colour, String objective, String startsOn, String endsOn) {

		static CampaignForm empty() {
			return new CampaignForm("", DEFAULT_COLOUR, "", "", "");
		}

		static CampaignForm of(Campaign campaign) {
			return new CampaignForm(campaign.name(), campaign.colour(), campaign.objective(),
					campaign.startsOn() == null ? "" : campaign.startsOn().toString(),
					campaign.endsOn() == null ? "" : campaign.endsOn().toString());
		}

		CampaignInput input() {
			return new CampaignInput(name, colour, objective, startsOn, endsOn, null);
		}
	}

	@GetMapping("/campaigns")
	String list(Model model) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		List<Campaign> all = campaigns.all(membership.workspaceId(), true);
		model.addAttribute("active", all.stream().filter(c -> !c.archived()).toList());
		model.addAttribute("archived", all.stream().filter(Campaign::archived).toList());
		model.addAttribute("canManage", membership.can(Permission.POSTS_PUBLISH));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", CampaignForm.empty());
		}
		return "publishing/campaigns";
	}

	@PostMapping("/campaigns")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String colour,
			@RequestParam(defaultValue = "") String objective, @RequestParam(defaultValue = "") String startsOn,
			@RequestParam(defaultValue = "") String endsOn, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		CampaignForm form = new CampaignForm(name, colour, objective, startsOn, endsOn);
		try {
			campaigns.create(membership, actor(), form.input());
		}
		catch (ChorusException e) {
			errors.add(model, e);
			model.addAttribute("form", form);
			model.addAttribute("opened", true);
			return list(model);
		}
		redirect.addFlashAttribute("notice", "campaigns.created");
		return "redirect:/campaigns";
	}

	@GetMapping("/campaigns/{id}")
	String campaign(@PathVariable UUID id, Model model) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		Campaign campaign = campaigns.get(membership.workspaceId(), id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("canManage", membership.can(Permission.POSTS_PUBLISH));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", CampaignForm.of(campaign));
		}
		return "publishing/campaign";
	}

	@PostMapping("/campaigns/{id}")
	String update(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String colour, @RequestParam(defaultValue = "") String objective,
			@RequestParam(defaultValue = "") String startsOn, @RequestParam(defaultValue = "") String endsOn,
			Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		CampaignForm form = new CampaignForm(name, colour, objective, startsOn, endsOn);
		try {
			campaigns.update(membership, actor(), id, form.input());
		}
		catch (ChorusException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			errors.add(model, e);
			model.addAttribute("form", form);
			return campaign(id, model);
		}
		redirect.addFlashAttribute("notice", "campaigns.saved");
		return "redirect:/campaigns/" + id;
	}

	@PostMapping("/campaigns/{id}/archive")
	String archive(@PathVariable UUID id, RedirectAttributes redirect) {
		return archived(id, true, "campaigns.archived.notice", redirect);
	}

	@PostMapping("/campaigns/{id}/restore")
	String restore(@PathVariable UUID id, RedirectAttributes redirect) {
		return archived(id, false, "campaigns.restored.notice", redirect);
	}

	private String archived(UUID id, boolean archived, String notice, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		campaigns.update(membership, actor(), id, new CampaignInput(null, null, null, null, null, archived));
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/campaigns";
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}
}
