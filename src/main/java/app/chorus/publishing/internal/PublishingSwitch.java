package app.chorus.publishing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.publishing.PostStatus;
import app.chorus.publishing.PublishingPaused;
import app.chorus.publishing.PublishingResumed;
import app.chorus.publishing.internal.Posts.PauseRow;
import app.chorus.publishing.internal.Posts.VariantRow;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;

/**
 * The crisis switch: one action pauses every publish in the workspace. Posts that come due while paused are held, not
 * failed; on resume they are published now, or stay held for a person to release or reschedule one by one.
 */
@Service
public class PublishingSwitch {

	static final int MAX_REASON = 500;

	private final Posts posts;
	private final PostService postService;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PublishingSwitch(Posts posts, PostService postService, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.posts = posts;
		this.postService = postService;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** What to do with held posts on resume. */
	public enum Choice {
		/** Publish everything held at once. */
		PUBLISH_NOW,
		/** Leave them held: people release or reschedule them post by post. */
		KEEP_HELD;

		public static Choice fromKey(@Nullable String key) {
			if (key == null || key.isBlank()) {
				return PUBLISH_NOW;
			}
			try {
				return valueOf(key.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
			}
			catch (IllegalArgumentException e) {
				throw ChorusException.invalid("choice", "publishing.resume.choice");
			}
		}
	}

	public record State(boolean paused, @Nullable String reason, @Nullable UserId pausedBy, @Nullable Instant pausedAt,
			int held) {
	}

	public State state(WorkspaceId workspace) {
		Optional<PauseRow> pause = posts.pause(workspace);
		int held = posts.heldCount(workspace, PublishEngine.HELD_PAUSED);
		return new State(pause.isPresent(), pause.map(PauseRow::reason).orElse(null),
				pause.map(PauseRow::pausedBy).orElse(null), pause.map(PauseRow::pausedAt).orElse(null), held);
	}

	public State pause(Membership membership, AuditActor who, @Nullable String reason) {
		requireAllowed(membership);
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw ChorusException.invalid("reason", "publishing.pause.reason-required");
		}
		if (why.length() > MAX_REASON) {
			throw ChorusException.invalid("reason", "publishing.pause.reason-too-long", MAX_REASON);
		}
		transactions.executeWithoutResult(s -> {
			if (!posts.startPause(membership.workspaceId(), why, membership.userId(), clock.instant())) {
				throw new ChorusException(HttpStatus.CONFLICT, "publishing.pause.already", null);
			}
			events.publishEvent(new PublishingPaused(membership.workspaceId(), who, why, RequestOrigin.current()));
		});
		return state(membership.workspaceId());
	}

	public State resume(Membership membership, AuditActor who, Choice choice) {
		requireAllowed(membership);
		WorkspaceId workspace = membership.workspaceId();
		transactions.executeWithoutResult(s -> {
			if (!posts.endPause(workspace)) {
				throw new ChorusException(HttpStatus.CONFLICT, "publishing.resume.not-paused", null);
			}
			int released = 0;
			if (choice == Choice.PUBLISH_NOW) {
				List<VariantRow> held = posts.lockVariants(workspace, PostStatus.HELD, PublishEngine.HELD_PAUSED, null);
				postService.release(workspace, held, clock.instant());
				released = held.size();
			}
			events.publishEvent(new PublishingResumed(workspace, who, choice.name().toLowerCase(Locale.ROOT),
					released, RequestOrigin.current()));
		});
		return state(workspace);
	}

	private static void requireAllowed(Membership membership) {
		if (!membership.can(Permission.POSTS_PUBLISH) || !membership.can(Permission.POSTS_APPROVE)) {
			throw ChorusException.forbidden("error.forbidden");
		}
	}
}
