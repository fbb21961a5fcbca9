package app.chorus.publishing.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import app.chorus.identity.CurrentUser;
import app.chorus.media.MediaLibrary;
import app.chorus.media.MediaView;
import app.chorus.publishing.PostStatus;
import app.chorus.publishing.campaigns.Campaigns;
import app.chorus.publishing.campaigns.Campaigns.Campaign;
import app.chorus.publishing.internal.ApprovalPolicies;
import app.chorus.publishing.internal.PostService.PostView;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.ChorusException.FieldProblem;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;

/**
 * The composer page, for a new post and for a draft being edited: the channels with their live checks, the media
 * picker, the thread's parts, the campaign, and the ways to send it, which depend on whether an approval policy
 * applies to the channels ticked. Problems the service names are put beside their fields.
 */
@Component
class ComposerPage {

	/** How many of the library's newest media the picker offers (besides those already picked). */
	static final int RECENT_MEDIA = 24;

	private static final Pattern VARIANT_FIELD = Pattern.compile("variants\\[(\\d+)]\\.(.+)");
	private static final Pattern THREAD_FIELD = Pattern.compile("thread\\[(\\d+)]\\..+");
	private static final List<String> FORM_FIELDS = List.of("text", "channelIds", "scheduledAt", "campaignId");

	private final VariantChecks checks;
	private final MediaLibrary mediaLibrary;
	private final Campaigns campaigns;
	private final ApprovalPolicies policies;
	private final CurrentUser currentUser;
	private final FormErrors errors;

	ComposerPage(VariantChecks checks, MediaLibrary mediaLibrary, Campaigns campaigns, ApprovalPolicies policies,
			CurrentUser currentUser, FormErrors errors) {
		this.checks = checks;
		this.mediaLibrary = mediaLibrary;
		this.campaigns = campaigns;
		this.policies = policies;
		this.currentUser = currentUser;
		this.errors = errors;
	}

	/**
	 * Where the composer's form goes: {@code /posts} for a new post, {@code /posts/{id}/edit} for a draft.
	 * @param post the post being edited; {@code null} for a new one
	 */
	record Target(String action, @Nullable PostView post) {

		static Target newPost() {
			return new Target("/posts", null);
		}

		static Target edit(PostView post) {
			return new Target("/posts/" + post.id() + "/edit", post);
		}

		public boolean editing() {
			return post != null;
		}

		public boolean changesRequested() {
			return post != null && post.status() == PostStatus.CHANGES_REQUESTED;
		}
	}

	/**
	 * How the post may be sent on: for approval when a policy applies to the channels ticked, else scheduled or
	 * published by those who may publish.
	 */
	record Sending(boolean review, boolean publish) {
	}

	String show(Membership membership, ComposerForm form, Model model, Target target) {
		WorkspaceId workspace = membership.workspaceId();
		List<ComposerChannel> channels = checks.channelsFor(membership);
		List<MediaView> picked = checks.picked(workspace, form);
		Map<UUID, VariantCheck> byChannel = new LinkedHashMap<>();
		for (ComposerChannel channel : channels) {
			byChannel.put(channel.id(), checks.check(workspace, channel, form, picked));
		}
		model.addAttribute("form", form);
		model.addAttribute("target", target);
		model.addAttribute("groups", checks.grouped(channels));
		model.addAttribute("checkByChannel", byChannel);
		model.addAttribute("partChecks", partChecks(VariantChecks.selected(channels, form), form));
		model.addAttribute("media", pickerMedia(workspace, picked));
		List<Campaign> offered = campaignsFor(workspace, form.campaignId());
		model.addAttribute("campaigns", offered);
		model.addAttribute("campaignColour", offered.stream().filter(c -> c.id().equals(form.campaignId()))
			.map(Campaign::colour).findFirst().orElse(null));
		model.addAttribute("sending", sending(membership, form));
		model.addAttribute("zone", currentUser.require().timeZone().getId());
		if (!model.containsAttribute("variantErrors")) {
			model.addAttribute("variantErrors", Map.of());
			model.addAttribute("partErrors", Map.of());
			model.addAttribute("generalErrors", List.of());
		}
		return "publishing/composer";
	}

	/** The answer to {@code /posts/check}: every ticked channel's check, each part's, and the ways to send it. */
	String live(Membership membership, ComposerForm form, Model model) {
		WorkspaceId workspace = membership.workspaceId();
		List<ComposerChannel> selected = VariantChecks.selected(checks.channelsFor(membership), form);
		List<MediaView> picked = checks.picked(workspace, form);
		model.addAttribute("checks", selected.stream().map(c -> checks.check(workspace, c, form, picked)).toList());
		model.addAttribute("parts", checks.parts(selected, form));
		model.addAttribute("sending", sending(membership, form));
		model.addAttribute("oob", true);
		return "publishing/fragments :: checks";
	}

	/** The picker alone, with the media given ticked (after an upload from the composer). */
	String picker(Membership membership, ComposerForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("media", pickerMedia(membership.workspaceId(),
				checks.picked(membership.workspaceId(), form)));
		return "publishing/fragments :: media-picker";
	}

	/**
	 * Shows the composer again with what was typed and each problem beside its field: the message, the channels, the
	 * time, the campaign, the channel's own version ({@code variants[i]} is the i-th channel ticked) or a part of the
	 * thread ({@code variants[i].thread[j]}, the j-th part that has text).
	 */
	String refused(Membership membership, ComposerForm form, ChorusException e, Model model, Target target) {
		if (e.status().value() == 404 || e.status().value() == 403) {
			throw e;
		}
		List<FieldProblem> problems = e.problems().isEmpty()
				? List.of(new FieldProblem(e.field() == null ? "" : e.field(), e.messageKey(), e.arguments()))
				: e.problems();
		Map<String, String> fieldErrors = new LinkedHashMap<>();
		Map<UUID, List<String>> variantErrors = new LinkedHashMap<>();
		Map<Integer, Set<String>> partErrors = new LinkedHashMap<>();
		List<String> general = new ArrayList<>();
		for (FieldProblem problem : problems) {
			String message = errors.message(problem.messageKey(), problem.arguments());
			Matcher variant = VARIANT_FIELD.matcher(problem.field());
			if (variant.matches() && Integer.parseInt(variant.group(1)) < form.channelIds().size()) {
				Matcher thread = THREAD_FIELD.matcher(variant.group(2));
				Integer part = thread.matches() ? form.partOf(Integer.parseInt(thread.group(1))) : null;
				if (part != null) {
					partErrors.computeIfAbsent(part, p -> new LinkedHashSet<>()).add(message);
				}
				else {
					variantErrors.computeIfAbsent(form.channelIds().get(Integer.parseInt(variant.group(1))),
							id -> new ArrayList<>()).add(message);
				}
			}
			else if (FORM_FIELDS.contains(problem.field())) {
				fieldErrors.merge(problem.field(), message, (a, b) -> a + " " + b);
			}
			else {
				general.add(message);
			}
		}
		model.addAttribute("errors", fieldErrors);
		model.addAttribute("variantErrors", variantErrors);
		Map<Integer, List<String>> parts = new LinkedHashMap<>();
		partErrors.forEach((part, messages) -> parts.put(part, List.copyOf(messages)));
		model.addAttribute("partErrors", parts);
		model.addAttribute("generalErrors", general);
		return show(membership, form, model, target);
	}

	Sending sending(Membership membership, ComposerForm form) {
		// before a channel is ticked, the workspace's own policy says what to expect
		boolean review = form.channelIds().isEmpty()
				? !policies.all(membership.workspaceId()).workspace().isEmpty()
				: !policies.stepsFor(membership.workspaceId(), form.channelIds()).isEmpty();
		return new Sending(review, !review && membership.can(Permission.POSTS_PUBLISH));
	}

	private Map<String, PartCheck> partChecks(List<ComposerChannel> selected, ComposerForm form) {
		Map<String, PartCheck> byId = new LinkedHashMap<>();
		for (PartCheck part : checks.parts(selected, form)) {
			byId.put(part.id(), part);
		}
		return byId;
	}

	/** What was picked first, in its order, then the library's newest. */
	private List<MediaView> pickerMedia(WorkspaceId workspace, List<MediaView> picked) {
		List<MediaView> all = new ArrayList<>(picked);
		Set<Object> shown = new LinkedHashSet<>(picked.stream().map(MediaView::id).toList());
		for (MediaView recent : mediaLibrary.recent(workspace, RECENT_MEDIA)) {
			if (shown.add(recent.id())) {
				all.add(recent);
			}
		}
		return all;
	}

	/** The campaigns still running, and the post's own even when it was archived since. */
	private List<Campaign> campaignsFor(WorkspaceId workspace, @Nullable UUID chosen) {
		List<Campaign> active = new ArrayList<>(campaigns.all(workspace, false));
		if (chosen != null && active.stream().noneMatch(c -> c.id().equals(chosen))) {
			Optional<Campaign> archived = campaigns.find(workspace, chosen);
			archived.ifPresent(active::add);
		}
		return active;
	}
}
