package app.chorus.workspace;

import static app.chorus.workspace.Permission.*;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A member's role in a workspace, and the permission matrix. Roles are ordered from most to least powerful; a member
 * may hand out only roles at or below their own, and only an owner makes or unmakes owners.
 */
public enum Role {

	/** Everything, including other owners and deleting the workspace. */
	OWNER(EnumSet.allOf(Permission.class)),
	/** Everything except making or removing owners. */
	ADMIN(EnumSet.allOf(Permission.class)),
	/** Runs the team's work: channels, teams, approvals, publishing, reports. Does not manage members. */
	MANAGER(EnumSet.of(CONTENT_VIEW, MEMBERS_VIEW, ANALYTICS_VIEW, POSTS_DRAFT, POSTS_PUBLISH, POSTS_APPROVE,
			INBOX_REPLY, REPORTS_MANAGE, TEAMS_MANAGE, CHANNELS_MANAGE)),
	/** Writes, schedules and publishes posts, answers the inbox. */
	PUBLISHER(EnumSet.of(CONTENT_VIEW, MEMBERS_VIEW, ANALYTICS_VIEW, POSTS_DRAFT, POSTS_PUBLISH, INBOX_REPLY)),
	/** Drafts posts and replies for others to approve. */
	CONTRIBUTOR(EnumSet.of(CONTENT_VIEW, MEMBERS_VIEW, POSTS_DRAFT)),
	/** Reads everything measurable and builds reports. */
	ANALYST(EnumSet.of(CONTENT_VIEW, MEMBERS_VIEW, ANALYTICS_VIEW, REPORTS_MANAGE)),
	/** Looks, changes nothing. */
	VIEWER(EnumSet.of(CONTENT_VIEW, MEMBERS_VIEW));

	private final Set<Permission> permissions;

	Role(Set<Permission> permissions) {
		this.permissions = permissions;
	}

	public boolean can(Permission permission) {
		return permissions.contains(permission);
	}

	public Set<Permission> permissions() {
		return Set.copyOf(permissions);
	}

	/** Whether a member with this role may give or take away {@code other}. */
	public boolean mayAssign(Role other) {
		if (!can(MEMBERS_MANAGE)) {
			return false;
		}
		return this == OWNER || other != OWNER;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Role> fromKey(String key) {
		for (Role role : values()) {
			if (role.key().equals(key)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}
}
