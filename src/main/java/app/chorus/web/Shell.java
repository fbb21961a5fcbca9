package app.chorus.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import app.chorus.identity.UserAccount;
import app.chorus.workspace.Membership;

/** What the layout around every page needs: who is reading, where they are, where they can go. */
public record Shell(@Nullable UserAccount me, @Nullable Membership membership, List<Membership> workspaces,
		List<NavItem> navigation, int unreadNotices, List<SupportedLocales.Language> languages, String language, String path,
		@Nullable Pause pause) {

	/** One entry of the main navigation; only pages that exist and the reader may open are listed. */
	public record NavItem(String key, String href, boolean active) {
	}

	/** Publishing is paused in the current workspace: shown on every page until someone resumes it. */
	public record Pause(String reason, String pausedBy, Instant pausedAt, int held) {
	}
}
