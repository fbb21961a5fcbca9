package app.chorus.publishing.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.chorus.channels.ChannelView;
import app.chorus.publishing.PostStatus;
import app.chorus.publishing.campaigns.Campaigns.Campaign;
import app.chorus.publishing.internal.PostService.PostView;
import app.chorus.publishing.internal.PostService.VariantView;

/**
 * A row of the posts list: the status, the start of the text, where it goes, and the time that matters for it
 * (published, scheduled, or else written), with the message key that says which; and its campaign, if any.
 */
public record PostListItem(PostView post, String excerpt, List<ChannelLabel> channels, String timeKey, Instant time,
		@Nullable Campaign campaign) {

	private static final int EXCERPT = 140;

	/** A channel as the list names it: its network, and its name unless it was disconnected since. */
	public record ChannelLabel(String network, @Nullable String name) {
	}

	static PostListItem of(PostView post, Map<UUID, ChannelView> channels, Map<UUID, Campaign> campaigns) {
		Campaign campaign = post.campaignId() == null ? null : campaigns.get(post.campaignId());
		List<ChannelLabel> labels = post.variants().stream()
			.map(v -> new ChannelLabel(v.network(), channels.containsKey(v.channelId())
					? channels.get(v.channelId()).name() : null))
			.toList();
		Instant published = post.variants().stream().map(VariantView::publishedAt).filter(Objects::nonNull)
			.max(Comparator.naturalOrder()).orElse(null);
		if (post.status() == PostStatus.PUBLISHED && published != null) {
			return new PostListItem(post, excerpt(post.text()), labels, "posts.time.published", published,
					campaign);
		}
		if (post.scheduledAt() != null && post.status() != PostStatus.DRAFT
				&& post.status() != PostStatus.CANCELLED) {
			return new PostListItem(post, excerpt(post.text()), labels, "posts.time.scheduled",
					post.scheduledAt(), campaign);
		}
		return new PostListItem(post, excerpt(post.text()), labels, "posts.time.written", post.createdAt(),
				campaign);
	}

	/** The text on one line, cut at a whole code point with an ellipsis. */
	static String excerpt(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		if (line.codePointCount(0, line.length()) <= EXCERPT) {
			return line;
		}
		return line.substring(0, line.offsetByCodePoints(0, EXCERPT - 1)) + "…";
	}
}
