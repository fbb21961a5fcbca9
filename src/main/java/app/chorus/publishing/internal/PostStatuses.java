package app.chorus.publishing.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.chorus.publishing.PostId;
import app.chorus.publishing.PostStatus;
import app.chorus.shared.ids.WorkspaceId;

/** Sums a scheduled post's variants up into the post's own status. */
@Component
class PostStatuses {

	private static final Set<PostStatus> BEFORE_SCHEDULING = EnumSet.of(PostStatus.DRAFT, PostStatus.IN_REVIEW,
			PostStatus.CHANGES_REQUESTED, PostStatus.APPROVED, PostStatus.CANCELLED);

	private final Posts posts;
	private final Clock clock;

	PostStatuses(Posts posts, Clock clock) {
		this.posts = posts;
		this.clock = clock;
	}

	void refresh(WorkspaceId workspace, PostId id) {
		posts.find(workspace, id).ifPresent(post -> {
			if (BEFORE_SCHEDULING.contains(post.status())) {
				return;
			}
			PostStatus summed = sum(posts.variants(workspace, id).stream().map(Posts.VariantRow::status).toList());
			if (summed != post.status()) {
				posts.updatePostStatus(workspace, id, summed, clock.instant());
			}
		});
	}

	/**
	 * What a person most needs to know first: something is going out now; something needs them (lost answer, failure);
	 * something waits (held); something is still to come; or all of it is out.
	 */
	static PostStatus sum(List<PostStatus> variants) {
		for (PostStatus first : List.of(PostStatus.PUBLISHING, PostStatus.NEEDS_CONFIRMATION, PostStatus.FAILED,
				PostStatus.HELD, PostStatus.SCHEDULED)) {
			if (variants.contains(first)) {
				return first;
			}
		}
		if (!variants.isEmpty() && variants.stream().allMatch(s -> s == PostStatus.PUBLISHED)) {
			return PostStatus.PUBLISHED;
		}
		return variants.isEmpty() ? PostStatus.DRAFT : PostStatus.CANCELLED;
	}
}
