package app.chorus.workspace.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.IdentityManagement;
import app.chorus.identity.UserAccount;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.Role;
import app.chorus.workspace.WorkspaceContext;
import app.chorus.workspace.internal.InvitationService;
import app.chorus.workspace.internal.WorkspaceService;

/** Members of the current workspace: roles, invitations, removal (offboarding), reset links. */
@Controller
class MembersController {

	private final WorkspaceService workspaces;
	private final InvitationService invitations;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final IdentityManagement identity;
	private final FormErrors errors;

	MembersController(WorkspaceService workspaces, InvitationService invitations, WorkspaceContext context,
			CurrentUser currentUser, IdentityManagement identity, FormErrors errors) {
		this.workspaces = workspaces;
		this.invitations = invitations;
		this.context = context;
		this.currentUser = currentUser;
		this.identity = identity;
		this.errors = errors;
	}

	@GetMapping("/members")
	String page(Model model) {
		Membership membership = context.require(Permission.MEMBERS_VIEW);
		model.addAttribute("members", workspaces.members(membership.workspaceId()));
		model.addAttribute("canManage", membership.can(Permission.MEMBERS_MANAGE));
		model.addAttribute("assignableRoles",
				Arrays.stream(Role.values()).filter(membership.role()::mayAssign).toList());
		model.addAttribute("roles", List.of(Role.values()));
		model.addAttribute("me", currentUser.require());
		if (membership.can(Permission.MEMBERS_MANAGE)) {
			model.addAttribute("invitations", invitations.all(membership.workspaceId()).stream()
				.filter(i -> i.status().equals("open")).toList());
			model.addAttribute("emailEnabled", invitations.emailEnabled());
		}
		return "workspace/members";
	}

	@PostMapping("/members/invitations")
	String invite(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "viewer") String role,
			Model model) {
		Membership membership = context.require(Permission.MEMBERS_MANAGE);
		UserAccount me = currentUser.require();
		try {
			Role chosen = Role.fromKey(role).orElseThrow(() -> ChorusException.invalid("role", "member.role.unknown"));
			model.addAttribute("issued", invitations.invite(membership, me, email, chosen));
		}
		catch (ChorusException e) {
			errors.add(model, e);
			model.addAttribute("inviteEmail", email);
		}
		return page(model);
	}

	@PostMapping("/members/invitations/{id}/revoke")
	String revokeInvitation(@PathVariable java.util.UUID id, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.MEMBERS_MANAGE);
		invitations.revoke(membership.workspaceId(), id, Actors.of(currentUser.require()));
		redirect.addFlashAttribute("notice", "invitation.revoked");
		return "redirect:/members";
	}

	@PostMapping("/members/{userId}/role")
	String changeRole(@PathVariable UserId userId, @RequestParam String role, Model model,
			RedirectAttributes redirect) {
		Membership membership = context.require(Permission.MEMBERS_MANAGE);
		try {
			Role chosen = Role.fromKey(role).orElseThrow(() -> ChorusException.invalid("role", "member.role.unknown"));
			workspaces.changeRole(membership, userId, chosen, Actors.of(currentUser.require()));
		}
		catch (ChorusException e) {
			if (e.status().value() == 404 || e.status().value() == 403) {
				throw e;
			}
			errors.add(model, e);
			return page(model);
		}
		redirect.addFlashAttribute("notice", "member.role.changed");
		return "redirect:/members";
	}

	@PostMapping("/members/{userId}/remove")
	String remove(@PathVariable UserId userId, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.MEMBERS_MANAGE);
		try {
			workspaces.removeMember(membership, userId, Actors.of(currentUser.require()));
		}
		catch (ChorusException e) {
			if (e.status().value() == 404 || e.status().value() == 403) {
				throw e;
			}
			errors.add(model, e);
			return page(model);
		}
		redirect.addFlashAttribute("notice", "member.removed");
		return "redirect:/members";
	}

	/** An owner makes a password reset link for a member (for when e-mail is not set up). */
	@PostMapping("/members/{userId}/reset-link")
	String resetLink(@PathVariable UserId userId, Model model) {
		Membership membership = context.require(Permission.MEMBERS_MANAGE);
		if (membership.role() != Role.OWNER) {
			throw ChorusException.forbidden("member.reset-link.owner-only");
		}
		workspaces.membership(membership.workspaceId(), userId).orElseThrow(() -> ChorusException.notFound("member"));
		// A reset link opens every workspace the person belongs to: only hand one out for people whose every
		// workspace this owner also owns.
		boolean ownsAll = workspaces.membershipsOf(userId).stream().allMatch(other -> workspaces
			.membership(other.workspaceId(), membership.userId()).map(m -> m.role() == Role.OWNER).orElse(false));
		if (!ownsAll) {
			throw ChorusException.forbidden("member.reset-link.other-workspaces");
		}
		model.addAttribute("resetLink", identity.issuePasswordResetLink(userId, Actors.of(currentUser.require())));
		model.addAttribute("resetFor", identity.find(userId).map(UserAccount::email).orElse(""));
		return page(model);
	}
}
