package app.chorus.publishing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.chorus.identity.IdentityManagement;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.PostStatus;
import app.chorus.publishing.internal.ApprovalPolicies;
import app.chorus.publishing.internal.PostReview;
import app.chorus.publishing.internal.PostService.PostView;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.WorkspaceManagement;

/** Builds a post's {@link ReviewPanel}, naming steps by role or team and decisions by who made them. */
@Component
class ReviewPanels {

	private final PostReview review;
	private final WorkspaceManagement workspaces;
	private final IdentityManagement identity;
	private final FormErrors messages;

	ReviewPanels(PostReview review, WorkspaceManagement workspaces, IdentityManagement identity,
			FormErrors messages) {
		this.review = review;
		this.workspaces = workspaces;
		this.identity = identity;
		this.messages = messages;
	}

	/** The panel, or {@code null} for a post that never went to review. */
	@Nullable ReviewPanel of(Membership membership, PostView post) {
		PostReview.Standing standing = review.standing(membership, post.id());
		boolean waiting = post.status() == PostStatus.IN_REVIEW;
		if (!waiting && post.status() != PostStatus.CHANGES_REQUESTED && standing.decisions().isEmpty()) {
			return null;
		}
		List<ReviewPanel.Step> steps = new ArrayList<>();
		for (int i = 0; i < standing.steps().size(); i++) {
			steps.add(new ReviewPanel.Step(label(membership.workspaceId(), standing.steps().get(i)),
					waiting && i == standing.step(), i < standing.step()));
		}
		Map<UserId, String> names = identity.findAll(standing.decisions().stream()
			.map(PostReview.Decision::decidedBy).distinct().toList()).stream()
			.collect(Collectors.toMap(UserAccount::id, UserAccount::displayName, (a, b) -> a));
		List<ReviewPanel.Decision> decisions = standing.decisions().stream()
			.map(d -> new ReviewPanel.Decision(names.getOrDefault(d.decidedBy(), messages.message("review.someone")),
					d.decidedAt(), d.decision(), d.comment(), d.round(), d.step() + 1))
			.toList();
		ReviewPanel.Decision asked = post.status() != PostStatus.CHANGES_REQUESTED ? null
				: decisions.reversed().stream().filter(d -> !d.approved()).findFirst().orElse(null);
		return new ReviewPanel(steps, standing.round(), standing.step(), waiting, standing.mayDecide(), decisions,
				asked);
	}

	/** "Manager", "Team Legal"; a team deleted since is named as such. */
	String label(WorkspaceId workspace, ApprovalPolicies.Step step) {
		if (step.teamId() != null) {
			return workspaces.teamName(workspace, step.teamId())
				.map(name -> messages.message("approvals.step.team", name))
				.orElseGet(() -> messages.message("approvals.step.team-gone"));
		}
		return messages.message("role." + step.role());
	}
}
