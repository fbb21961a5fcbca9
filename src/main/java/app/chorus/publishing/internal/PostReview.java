package app.chorus.publishing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.publishing.PostId;
import app.chorus.publishing.PostReviewed;
import app.chorus.publishing.PostStatus;
import app.chorus.publishing.internal.Posts.PostRow;
import app.chorus.publishing.internal.Posts.ReviewState;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;

/**
 * Deciding posts in review, step by step: an approver of the current step approves (the last approval schedules the
 * post) or asks for changes (the post goes back to its author, who edits and submits it again for a new round).
 * Nobody approves their own post.
 */
@Service
public class PostReview {

	static final int MAX_COMMENT = 2_000;

	private final Posts posts;
	private final PostService postService;
	private final ApprovalPolicies policies;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PostReview(Posts posts, PostService postService, ApprovalPolicies policies, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.posts = posts;
		this.postService = postService;
		this.policies = policies;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** One decision, as the post's history shows it. */
	public record Decision(int round, int step, UserId decidedBy, String decision, String comment,
			Instant decidedAt) {
	}

	/** Where a post in review stands: its steps, the step reached, and who may decide it. */
	public record Standing(List<ApprovalPolicies.Step> steps, int round, int step, boolean mayDecide,
			List<Decision> decisions) {
	}

	public Standing standing(Membership membership, PostId id) {
		WorkspaceId workspace = membership.workspaceId();
		PostRow post = posts.find(workspace, id).orElseThrow(() -> ChorusException.notFound("post"));
		ReviewState state = posts.review(workspace, id);
		boolean mayDecide = post.status() == PostStatus.IN_REVIEW && state.step() < state.steps().size()
				&& !post.authorId().equals(membership.userId())
				&& policies.mayDecide(membership, state.steps().get(state.step()));
		return new Standing(state.steps(), state.round(), state.step(), mayDecide, posts.reviews(workspace, id)
			.stream().map(r -> new Decision(r.round(), r.step(), r.decidedBy(), r.decision(), r.comment(),
					r.decidedAt()))
			.toList());
	}

	public Standing approve(Membership membership, AuditActor who, PostId id, @Nullable String comment) {
		decide(membership, who, id, "approved", comment);
		return standing(membership, id);
	}

	public Standing requestChanges(Membership membership, AuditActor who, PostId id, @Nullable String comment) {
		if (comment == null || comment.isBlank()) {
			throw ChorusException.invalid("comment", "review.comment.required");
		}
		decide(membership, who, id, "changes_requested", comment);
		return standing(membership, id);
	}

	private void decide(Membership membership, AuditActor who, PostId id, String decision, @Nullable String comment) {
		String note = comment == null ? "" : comment.strip();
		if (note.length() > MAX_COMMENT) {
			throw ChorusException.invalid("comment", "review.comment.too-long", MAX_COMMENT);
		}
		WorkspaceId workspace = membership.workspaceId();
		transactions.executeWithoutResult(s -> {
			PostRow post = posts.lockPost(workspace, id).orElseThrow(() -> ChorusException.notFound("post"));
			if (post.status() != PostStatus.IN_REVIEW) {
				throw new ChorusException(HttpStatus.CONFLICT, "review.not-in-review", null);
			}
			if (post.authorId().equals(membership.userId())) {
				throw ChorusException.forbidden("review.own-post");
			}
			ReviewState state = posts.review(workspace, id);
			ApprovalPolicies.Step step = state.steps().get(state.step());
			if (!policies.mayDecide(membership, step)) {
				throw ChorusException.forbidden("review.not-your-step");
			}
			Instant now = clock.instant();
			posts.insertReview(workspace, id, state.round(), state.step(), membership.userId(), decision, note, now);
			events.publishEvent(new PostReviewed(workspace, who, id, post.authorId(), decision, state.step() + 1,
					note, RequestOrigin.current()));
			if (decision.equals("changes_requested")) {
				posts.updatePostStatus(workspace, id, PostStatus.CHANGES_REQUESTED, now);
				for (Posts.VariantRow variant : posts.variants(workspace, id)) {
					posts.updateVariantStatus(workspace, variant.id(), PostStatus.CHANGES_REQUESTED, null, null, now);
				}
			}
			else if (state.step() + 1 < state.steps().size()) {
				posts.advanceReview(workspace, id, state.step() + 1);
			}
			else {
				posts.advanceReview(workspace, id, state.steps().size());
				postService.scheduleApproved(workspace, id, who);
			}
		});
	}
}
