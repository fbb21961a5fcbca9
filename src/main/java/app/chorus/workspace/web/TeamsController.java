package app.chorus.workspace.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.identity.CurrentUser;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import app.chorus.workspace.internal.TeamService;
import app.chorus.workspace.internal.WorkspaceService;

/** Teams of the current workspace. */
@Controller
class TeamsController {

	private final TeamService teams;
	private final WorkspaceService workspaces;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final FormErrors errors;

	TeamsController(TeamService teams, WorkspaceService workspaces, WorkspaceContext context, CurrentUser currentUser,
			FormErrors errors) {
		this.teams = teams;
		this.workspaces = workspaces;
		this.context = context;
		this.currentUser = currentUser;
		this.errors = errors;
	}

	@GetMapping("/teams")
	String page(Model model) {
		Membership membership = context.require(Permission.MEMBERS_VIEW);
		model.addAttribute("teams", teams.all(membership.workspaceId()));
		model.addAttribute("members", workspaces.members(membership.workspaceId()));
		model.addAttribute("canManage", membership.can(Permission.TEAMS_MANAGE));
		return "workspace/teams";
	}

	@PostMapping("/teams")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
			Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.TEAMS_MANAGE);
		try {
			teams.create(membership.workspaceId(), name, description, Actors.of(currentUser.require()));
		}
		catch (ChorusException e) {
			errors.add(model, e);
			model.addAttribute("name", name);
			model.addAttribute("description", description);
			return page(model);
		}
		redirect.addFlashAttribute("notice", "team.created");
		return "redirect:/teams";
	}

	@PostMapping("/teams/{id}/members")
	String addMember(@PathVariable UUID id, @RequestParam UserId userId) {
		Membership membership = context.require(Permission.TEAMS_MANAGE);
		teams.addMember(membership.workspaceId(), id, userId, Actors.of(currentUser.require()));
		return "redirect:/teams";
	}

	@PostMapping("/teams/{id}/members/{userId}/remove")
	String removeMember(@PathVariable UUID id, @PathVariable UserId userId) {
		Membership membership = context.require(Permission.TEAMS_MANAGE);
		teams.removeMember(membership.workspaceId(), id, userId, Actors.of(currentUser.require()));
		return "redirect:/teams";
	}

	@PostMapping("/teams/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.TEAMS_MANAGE);
		teams.delete(membership.workspaceId(), id, Actors.of(currentUser.require()));
		redirect.addFlashAttribute("notice", "team.deleted");
		return "redirect:/teams";
	}
}
