package app.chorus.publishing.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelPermission;
import app.chorus.publishing.PostId;
import app.chorus.publishing.PostStatus;
import app.chorus.publishing.VariantConfirmed;
import app.chorus.publishing.VariantResent;
import app.chorus.publishing.internal.Posts.PostRow;
import app.chorus.publishing.internal.Posts.VariantRow;
import app.chorus.publishing.internal.PostService.PostView;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;

/**
 * A person resolves a variant whose network answer was lost ({@code needs_confirmation}): it went out, or it did not
 * and is sent again under the same idempotency key.
 */
@Service
public class LostAnswers {

	static final int MAX_URL = 2_000;

	private final Posts posts;
	private final PostService postService;
	private final ChannelManagement channels;
	private final PostStatuses statuses;
	private final SchedulerClient scheduler;
	private final CustomTask<String> publishTask;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	LostAnswers(Posts posts, PostService postService, ChannelManagement channels, PostStatuses statuses,
			SchedulerClient scheduler, CustomTask<String> publishVariantTask, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.posts = posts;
		this.postService = postService;
		this.channels = channels;
		this.statuses = statuses;
		this.scheduler = scheduler;
		this.publishTask = publishVariantTask;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Resolves a variant whose answer was lost ({@code needs_confirmation}): a person checked the channel and found it
	 * went out. It counts as published from the last attempt on, at {@code url} when they give one (http or https).
	 * @throws ChorusException 404 when the post or variant is not the workspace's, 409 when the variant is not
	 * awaiting confirmation, 422 for a URL that is not a web address
	 */
	public PostView confirmPublished(Membership membership, AuditActor who, PostId postId, UUID variantId,
			@Nullable String url) {
		if (!membership.can(Permission.POSTS_PUBLISH)) {
			throw ChorusException.forbidden("error.forbidden");
		}
		String address = liveUrl(url);
		WorkspaceId workspace = membership.workspaceId();
		transactions.executeWithoutResult(s -> {
			PostRow post = posts.lockPost(workspace, postId).orElseThrow(() -> ChorusException.notFound("post"));
			VariantRow variant = awaitingConfirmation(membership, postId, variantId);
			Instant now = clock.instant();
			Instant sent = posts.attempts(workspace, variantId).stream().map(Posts.AttemptRow::startedAt)
				.reduce((first, last) -> last).orElse(now);
			posts.confirmedPublished(workspace, variantId, address, sent, now);
			statuses.refresh(workspace, postId);
			events.publishEvent(new VariantConfirmed(workspace, who, postId, post.authorId(),
					variant.channelId().toString(), variant.network().key(), address == null ? "" : address,
					RequestOrigin.current()));
		});
		return postService.find(workspace, postId);
	}

	/**
	 * Resolves a variant whose answer was lost ({@code needs_confirmation}): a person checked the channel and found it
	 * did not go out. It goes back on the schedule now with the same idempotency key, so a network that did receive
	 * the first try answers with that post instead of making a second.
	 * @throws ChorusException 404 when the post or variant is not the workspace's, 409 when the variant is not
	 * awaiting confirmation
	 */
	public PostView resend(Membership membership, AuditActor who, PostId postId, UUID variantId) {
		if (!membership.can(Permission.POSTS_PUBLISH)) {
			throw ChorusException.forbidden("error.forbidden");
		}
		WorkspaceId workspace = membership.workspaceId();
		transactions.executeWithoutResult(s -> {
			PostRow post = posts.lockPost(workspace, postId).orElseThrow(() -> ChorusException.notFound("post"));
			VariantRow variant = awaitingConfirmation(membership, postId, variantId);
			Instant now = clock.instant();
			posts.resend(workspace, variantId, now, now);
			PublishTask.schedule(scheduler, publishTask, workspace, variantId, now);
			statuses.refresh(workspace, postId);
			events.publishEvent(new VariantResent(workspace, who, postId, post.authorId(),
					variant.channelId().toString(), variant.network().key(), RequestOrigin.current()));
		});
		return postService.find(workspace, postId);
	}

	private VariantRow awaitingConfirmation(Membership membership, PostId postId, UUID variantId) {
		VariantRow variant = posts.lockVariant(membership.workspaceId(), variantId)
			.filter(v -> v.postId().equals(postId))
			.orElseThrow(() -> ChorusException.notFound("variant"));
		if (!channels.may(membership, new ChannelId(variant.channelId()), ChannelPermission.PUBLISH)) {
			throw ChorusException.forbidden("error.forbidden");
		}
		if (variant.status() != PostStatus.NEEDS_CONFIRMATION) {
			throw new ChorusException(HttpStatus.CONFLICT, "post.variant.not-awaiting-confirmation", null);
		}
		return variant;
	}

	private static @Nullable String liveUrl(@Nullable String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		String address = url.strip();
		try {
			URI parsed = new URI(address);
			String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
			if (address.length() <= MAX_URL && (scheme.equals("https") || scheme.equals("http"))
					&& parsed.getHost() != null && parsed.getUserInfo() == null) {
				return address;
			}
		}
		catch (URISyntaxException e) {
			// answered below like any other address that is not a web page
		}
		throw ChorusException.invalid("url", "post.url.invalid", MAX_URL);
	}

}
