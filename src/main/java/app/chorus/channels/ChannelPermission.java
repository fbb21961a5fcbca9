package app.chorus.channels;

import java.util.Locale;
import java.util.Optional;

import app.chorus.workspace.Permission;

/**
 * What a person may do with one channel. Each needs the matching workspace permission first; a channel's grants can
 * only narrow that, never widen it.
 */
public enum ChannelPermission {

	DRAFT(Permission.POSTS_DRAFT),
	PUBLISH(Permission.POSTS_PUBLISH),
	APPROVE(Permission.POSTS_APPROVE),
	REPLY(Permission.INBOX_REPLY),
	ANALYTICS(Permission.ANALYTICS_VIEW);

	private final Permission workspacePermission;

	ChannelPermission(Permission workspacePermission) {
		this.workspacePermission = workspacePermission;
	}

	public Permission workspacePermission() {
		return workspacePermission;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ChannelPermission> fromKey(String key) {
		for (ChannelPermission permission : values()) {
			if (permission.key().equals(key)) {
				return Optional.of(permission);
			}
		}
		return Optional.empty();
	}
}
