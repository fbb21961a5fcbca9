package app.chorus.publishing.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.channels.ChannelConnected;
import app.chorus.identity.IdentityManagement;
import app.chorus.notifications.Notice;
import app.chorus.notifications.Notifications;
import app.chorus.publishing.PostId;
import app.chorus.publishing.PostReviewed;
import app.chorus.publishing.PostStatus;
import app.chorus.publishing.PostSubmitted;
import app.chorus.publishing.VariantFailed;
import app.chorus.publishing.VariantNeedsConfirmation;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Tells authors when a post needs them (it failed, or its network's answer was lost), and sends on the posts a
 * channel held once someone has connected it again.
 */
@Component
class PublishingWatch {

	private final Posts posts;
	private final ApprovalPolicies policies;
	private final PostService postService;
	private final IdentityManagement identity;
	private final Notifications notifications;
	private final TransactionTemplate transactions;
	private final Clock clock;

	PublishingWatch(Posts posts, ApprovalPolicies policies, PostService postService, IdentityManagement identity, Notifications notifications,
			TransactionTemplate transactions, Clock clock) {
		this.posts = posts;
		this.policies = policies;
		this.postService = postService;
		this.identity = identity;
		this.notifications = notifications;
		this.transactions = transactions;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(VariantFailed event) {
		tell(event.workspaceId(), event.author(), event.postId(), "notice.post.failed", event.network());
	}

	@ApplicationModuleListener
	void on(VariantNeedsConfirmation event) {
		tell(event.workspaceId(), event.author(), event.postId(), "notice.post.needs-confirmation", event.network());
	}

	@ApplicationModuleListener
	void on(PostSubmitted event) {
		tellDeciders(event.workspaceId(), event.postId());
	}

	@ApplicationModuleListener
	void on(PostReviewed event) {
		if (event.decision().equals("changes_requested")) {
			tell(event.workspaceId(), event.author(), event.postId(), "notice.post.changes-requested",
					event.comment());
			return;
		}
		Posts.ReviewState state = posts.review(event.workspaceId(), event.postId());
		if (state.step() < state.steps().size()) {
			tellDeciders(event.workspaceId(), event.postId());
		}
		else {
			tell(event.workspaceId(), event.author(), event.postId(), "notice.post.approved", "");
		}
	}

	private void tellDeciders(WorkspaceId workspace, PostId post) {
		posts.find(workspace, post).ifPresent(row -> {
			Posts.ReviewState state = posts.review(workspace, post);
			if (row.status() != PostStatus.IN_REVIEW || state.step() >= state.steps().size()) {
				return;
			}
			for (var member : policies.deciders(workspace, state.steps().get(state.step()))) {
				if (!member.userId().equals(row.authorId())) {
					tell(workspace, member.userId(), post, "notice.post.awaits-approval", "");
				}
			}
		});
	}

	@ApplicationModuleListener
	void on(ChannelConnected event) {
		transactions.executeWithoutResult(s -> postService.release(event.workspaceId(),
				posts.lockVariants(event.workspaceId(), PostStatus.HELD, PublishEngine.HELD_CHANNEL,
						event.channelId().value()),
				clock.instant()));
	}

	private void tell(WorkspaceId workspace, UserId recipient, PostId post, String key, String detail) {
		String excerpt = posts.find(workspace, post).map(p -> excerpt(p.text())).orElse("");
		identity.find(recipient).ifPresent(account -> notifications.notify(new Notice(workspace, recipient,
				account.email(), account.locale(), key, List.of(detail, excerpt), "/posts/" + post)));
	}

	private static String excerpt(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return line.length() > 60 ? line.substring(0, 59) + "…" : line;
	}
}
