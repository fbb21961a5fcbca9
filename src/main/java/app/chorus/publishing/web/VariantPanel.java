package app.chorus.publishing.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import app.chorus.publishing.PostStatus;
import app.chorus.publishing.internal.PostService.AttemptView;
import app.chorus.publishing.internal.PostService.VariantView;

/**
 * One variant on the post page: its channel, where it stands, why it failed in the reader's language (the network's
 * own words, {@code variant.errorDetail}, are shown apart and escaped), and every attempt to send it.
 * @param channelName {@code null} when the channel was disconnected since
 */
public record VariantPanel(VariantView variant, @Nullable String channelName, @Nullable String handle,
		@Nullable String error, List<AttemptView> attempts) {

	public boolean awaitingConfirmation() {
		return variant.status() == PostStatus.NEEDS_CONFIRMATION;
	}
}
