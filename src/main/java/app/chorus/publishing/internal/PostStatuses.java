package app.chorus.publishing.internal;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import app.chorus.publishing.PostId;
import app.chorus.publishing.PostStatus;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Sums a scheduled post's variants up into the post's own status, in one statement (the publish engine does it twice
 * for every variant it sends). What a person most needs to know comes first: something is going out now; something
 * needs them (lost answer, failure); something waits (held); something is still to come; or all of it is out.
 */
@Component
class PostStatuses {

	/** The order in which a variant's status decides the post's. */
	private static final List<PostStatus> FIRST = List.of(PostStatus.PUBLISHING, PostStatus.NEEDS_CONFIRMATION,
			PostStatus.FAILED, PostStatus.HELD, PostStatus.SCHEDULED);
	/** Posts whose status is a person's doing, not their variants'. */
	private static final List<PostStatus> BEFORE_SCHEDULING = List.of(PostStatus.DRAFT, PostStatus.IN_REVIEW,
			PostStatus.CHANGES_REQUESTED, PostStatus.APPROVED, PostStatus.CANCELLED);

	static final String SUM_SQL = """
			update publishing.posts p set status = s.summed, updated_at = :now
			from (select case %s
			        when count(*) > 0 and bool_and(v.status = '%s') then '%s'
			        when count(*) = 0 then '%s' else '%s' end as summed
			      from publishing.variants v where v.workspace_id = :ws and v.post_id = :post) s
			where p.workspace_id = :ws and p.id = :post and p.status not in (%s) and p.status <> s.summed"""
		.formatted(FIRST.stream().map(status -> "when bool_or(v.status = '%s') then '%s'".formatted(status.key(),
				status.key())).collect(Collectors.joining(" ")), PostStatus.PUBLISHED.key(),
				PostStatus.PUBLISHED.key(), PostStatus.DRAFT.key(), PostStatus.CANCELLED.key(),
				BEFORE_SCHEDULING.stream().map(status -> "'" + status.key() + "'").collect(Collectors.joining(", ")));

	private final Posts posts;
	private final Clock clock;

	PostStatuses(Posts posts, Clock clock) {
		this.posts = posts;
		this.clock = clock;
	}

	void refresh(WorkspaceId workspace, PostId id) {
		posts.sumStatus(workspace, id, clock.instant());
	}
}
