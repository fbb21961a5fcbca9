package app.chorus.publishing.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.PostId;
import app.chorus.publishing.PostStatus;
import app.chorus.publishing.internal.PostService;
import app.chorus.publishing.internal.PostService.PostView;
import app.chorus.publishing.internal.PostService.VariantView;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;

/**
 * Editing a post nobody has sent yet (a draft, or one sent back with changes asked for) in the composer, and sending
 * it on from there: for approval when a policy asks for it, else scheduled or published now.
 */
@Controller
class DraftController {

	private final PostService posts;
	private final ComposerPage page;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	DraftController(PostService posts, ComposerPage page, WorkspaceContext context, CurrentUser currentUser) {
		this.posts = posts;
		this.page = page;
		this.context = context;
		this.currentUser = currentUser;
	}

	@GetMapping("/posts/{id}/edit")
	String edit(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		PostView post = posts.find(membership.workspaceId(), new PostId(id));
		if (!editable(post)) {
			redirect.addFlashAttribute("notice", "post.edit.not-editable");
			return "redirect:/posts/" + id;
		}
		requireAuthorOrPublisher(membership, post);
		return page.show(membership, ComposerForm.of(post, zone()), model, ComposerPage.Target.edit(post));
	}

	@PostMapping("/posts/{id}/edit")
	String save(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params,
			@RequestParam(defaultValue = "draft") String action, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		PostView post = posts.find(membership.workspaceId(), new PostId(id));
		ComposerForm form = ComposerForm.from(params);
		ComposerPage.Target target = ComposerPage.Target.edit(post);
		Optional<ComposerForm> rearranged = ComposerController.rearranged(form, action);
		if (rearranged.isPresent()) {
			return page.show(membership, rearranged.get(), model, target);
		}
		boolean sending = !action.equals("draft");
		PostView saved;
		try {
			Instant at = sending ? ComposerController.when(form, action, zone())
					: ComposerController.optionalTime(form, zone());
			boolean publishNow = action.equals("publish") || action.equals("review") && at == null;
			Map<UUID, Map<String, String>> kept = new LinkedHashMap<>();
			for (VariantView variant : post.variants()) {
				kept.put(variant.channelId(), variant.options());
			}
			saved = posts.edit(membership, actor(), post.id(), ComposerController.draft(form, at, false, kept));
			if (sending) {
				saved = posts.submit(membership, actor(), post.id(), at, publishNow);
			}
		}
		catch (ChorusException e) {
			return page.refused(membership, form, e, model, target);
		}
		redirect.addFlashAttribute("notice", !sending ? "composer.saved-changes"
				: saved.status() == PostStatus.IN_REVIEW ? "composer.sent-for-approval"
						: action.equals("publish") ? "composer.publishing" : "composer.scheduled");
		return "redirect:/posts/" + id;
	}

	static boolean editable(PostView post) {
		return post.status() == PostStatus.DRAFT || post.status() == PostStatus.CHANGES_REQUESTED;
	}

	private static void requireAuthorOrPublisher(Membership membership, PostView post) {
		if (!post.authorId().equals(membership.userId().value()) && !membership.can(Permission.POSTS_PUBLISH)) {
			throw ChorusException.forbidden("error.forbidden");
		}
	}

	private ZoneId zone() {
		return currentUser.require().timeZone();
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}
}
