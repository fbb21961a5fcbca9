package app.chorus.publishing.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelView;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.internal.ApprovalPolicies;
import app.chorus.publishing.internal.ApprovalPolicies.Step;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.ChorusException.FieldProblem;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.Role;
import app.chorus.workspace.WorkspaceContext;
import app.chorus.workspace.WorkspaceManagement;

/**
 * Who must approve posts: the workspace's steps (changed by those with the workspace's settings) and each channel's,
 * which either follows the workspace or has steps of its own (changed by those who manage channels). Steps are added,
 * removed and moved on the page before saving; everyone else reads them.
 */
@Controller
class ApprovalsController {

	static final String PAGE = "/publishing/approvals";
	/** The roles that may approve posts, most powerful first. */
	static final List<Role> APPROVING_ROLES = List.of(Role.OWNER, Role.ADMIN, Role.MANAGER);

	private static final Pattern MOVE = Pattern.compile("(remove|up|down)-(\\d+)");
	private static final Pattern STEP_FIELD = Pattern.compile("steps\\[(\\d+)].*");
	private static final String WORKSPACE = "policy-workspace";

	private final ApprovalPolicies policies;
	private final ChannelManagement channels;
	private final WorkspaceManagement workspaces;
	private final ReviewPanels labels;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final FormErrors errors;

	ApprovalsController(ApprovalPolicies policies, ChannelManagement channels, WorkspaceManagement workspaces,
			ReviewPanels labels, WorkspaceContext context, CurrentUser currentUser, FormErrors errors) {
		this.policies = policies;
		this.channels = channels;
		this.workspaces = workspaces;
		this.labels = labels;
		this.context = context;
		this.currentUser = currentUser;
		this.errors = errors;
	}

	@GetMapping(PAGE)
	String page(Model model) {
		return show(context.require(Permission.CONTENT_VIEW), model, null);
	}

	@PostMapping(PAGE)
	String workspacePolicy(@RequestParam(name = "step", required = false) @Nullable List<String> steps,
			@RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.WORKSPACE_SETTINGS);
		List<String> values = steps == null ? List.of() : steps;
		Optional<List<String>> rearranged = rearranged(values, action);
		if (rearranged.isPresent()) {
			return show(membership, model, new Unsaved(WORKSPACE, true, rearranged.get(), Map.of(), null));
		}
		try {
			policies.set(membership, actor(), null, steps(values));
		}
		catch (ChorusException e) {
			return refused(membership, model, WORKSPACE, true, values, e);
		}
		redirect.addFlashAttribute("notice", "approvals.saved");
		return "redirect:" + PAGE;
	}

	@PostMapping(PAGE + "/channels/{channelId}")
	String channelPolicy(@PathVariable UUID channelId,
			@RequestParam(name = "step", required = false) @Nullable List<String> steps,
			@RequestParam(defaultValue = "workspace") String mode, @RequestParam(defaultValue = "save") String action,
			Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		channels.find(membership.workspaceId(), new ChannelId(channelId))
			.orElseThrow(() -> ChorusException.notFound("channel"));
		List<String> values = steps == null ? List.of() : steps;
		boolean own = mode.equals("own");
		String key = "policy-" + channelId;
		Optional<List<String>> rearranged = rearranged(values, action);
		if (rearranged.isPresent()) {
			return show(membership, model, new Unsaved(key, true, rearranged.get(), Map.of(), null));
		}
		try {
			if (own) {
				policies.set(membership, actor(), channelId, steps(values));
			}
			else if (policies.all(membership.workspaceId()).channels().containsKey(channelId)) {
				policies.clear(membership, actor(), channelId);
			}
		}
		catch (ChorusException e) {
			return refused(membership, model, key, own, values, e);
		}
		redirect.addFlashAttribute("notice", "approvals.saved");
		return "redirect:" + PAGE;
	}

	/** A policy shown as sent rather than as stored: being arranged, or refused. */
	private record Unsaved(String key, boolean own, List<String> steps, Map<Integer, String> stepErrors,
			@Nullable String error) {
	}

	private String refused(Membership membership, Model model, String key, boolean own, List<String> values,
			ChorusException e) {
		if (e.status().value() == 404 || e.status().value() == 403) {
			throw e;
		}
		List<FieldProblem> problems = e.problems().isEmpty()
				? List.of(new FieldProblem(e.field() == null ? "" : e.field(), e.messageKey(), e.arguments()))
				: e.problems();
		Map<Integer, String> stepErrors = new LinkedHashMap<>();
		List<String> general = new ArrayList<>();
		for (FieldProblem problem : problems) {
			String message = errors.message(problem.messageKey(), problem.arguments());
			Matcher step = STEP_FIELD.matcher(problem.field());
			if (step.matches()) {
				stepErrors.merge(Integer.parseInt(step.group(1)), message, (a, b) -> a + " " + b);
			}
			else {
				general.add(message);
			}
		}
		return show(membership, model, new Unsaved(key, own, values, stepErrors,
				general.isEmpty() ? null : String.join(" ", general)));
	}

	private String show(Membership membership, Model model, @Nullable Unsaved unsaved) {
		ApprovalPolicies.Policies stored = policies.all(membership.workspaceId());
		boolean mayChangeWorkspace = membership.can(Permission.WORKSPACE_SETTINGS);
		boolean mayChangeChannels = membership.can(Permission.CHANNELS_MANAGE);
		List<WorkspaceManagement.TeamSummary> teams = workspaces.teams(membership.workspaceId());
		List<String> offered = new ArrayList<>(APPROVING_ROLES.stream().map(r -> "role:" + r.key()).toList());
		teams.forEach(t -> offered.add("team:" + t.id()));
		model.addAttribute("workspacePolicy", editor(membership, offered, WORKSPACE, PAGE, null, true,
				values(stored.workspace()), mayChangeWorkspace, unsaved));
		List<PolicyEditor> byChannel = new ArrayList<>();
		for (ChannelView channel : channels.all(membership.workspaceId())) {
			List<Step> own = stored.channels().get(channel.id().value());
			byChannel.add(editor(membership, offered, "policy-" + channel.id(), PAGE + "/channels/" + channel.id(), channel,
					own != null, own == null ? List.of() : values(own), mayChangeChannels, unsaved));
		}
		model.addAttribute("channelPolicies", byChannel);
		model.addAttribute("roles", APPROVING_ROLES);
		model.addAttribute("teams", teams);
				return "publishing/approvals";
	}

	private PolicyEditor editor(Membership membership, List<String> offered, String key, String action,
			@Nullable ChannelView channel, boolean own, List<String> storedSteps, boolean mayChange,
			@Nullable Unsaved unsaved) {
		boolean shownAsSent = unsaved != null && unsaved.key().equals(key);
		List<String> values = shownAsSent ? unsaved.steps() : storedSteps;
		List<PolicyEditor.Row> rows = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			rows.add(new PolicyEditor.Row(values.get(i), label(membership, values.get(i)),
					offered.contains(values.get(i)), shownAsSent ? unsaved.stepErrors().get(i) : null));
		}
		return new PolicyEditor(key, action, channel == null ? null : channel.name(),
				channel == null ? null : channel.network().key(), shownAsSent ? unsaved.own() : own, rows, mayChange,
				shownAsSent ? unsaved.error() : null);
	}

	private String label(Membership membership, String value) {
		Step step = step(value);
		return step.role() == null && step.teamId() == null ? value : labels.label(membership.workspaceId(), step);
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}

	/** The steps with one added, removed or moved; empty when the action is to save. */
	static Optional<List<String>> rearranged(List<String> steps, String action) {
		List<String> changed = new ArrayList<>(steps);
		if (action.equals("add")) {
			changed.add("role:" + Role.MANAGER.key());
			return Optional.of(changed);
		}
		Matcher move = MOVE.matcher(action);
		if (!move.matches()) {
			return Optional.empty();
		}
		int index = Integer.parseInt(move.group(2));
		if (index < changed.size()) {
			switch (move.group(1)) {
				case "remove" -> changed.remove(index);
				case "up" -> {
					if (index > 0) {
						Collections.swap(changed, index, index - 1);
					}
				}
				default -> {
					if (index + 1 < changed.size()) {
						Collections.swap(changed, index, index + 1);
					}
				}
			}
		}
		return Optional.of(changed);
	}

	static List<String> values(List<Step> steps) {
		return steps.stream().map(s -> s.teamId() != null ? "team:" + s.teamId() : "role:" + s.role()).toList();
	}

	static List<Step> steps(List<String> values) {
		return values.stream().map(ApprovalsController::step).toList();
	}

	/** {@code role:manager} or {@code team:<id>}; anything else names neither, which the policy refuses. */
	static Step step(String value) {
		if (value.startsWith("role:")) {
			return new Step(value.substring("role:".length()), null);
		}
		if (value.startsWith("team:")) {
			try {
				return new Step(null, UUID.fromString(value.substring("team:".length())));
			}
			catch (IllegalArgumentException e) {
				return new Step(null, null);
			}
		}
		return new Step(null, null);
	}
}
