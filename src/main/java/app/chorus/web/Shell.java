package app.chorus.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import app.chorus.identity.UserAccount;
import app.chorus.workspace.Membership;

/** What the layout around every page needs: who is reading, where they are, where they can go. */
public record Shell(@Nullable UserAccount me, @Nullable Membership membership, List<Membership> workspaces,
		List<NavItem> navigation, int unreadNotices, List<SupportedLocales.Language> languages, String language, String path) {

	/** One entry of the main navigation; only pages that exist and the reader may open are listed. */
	public record NavItem(String key, String href, boolean active) {
	}
}
