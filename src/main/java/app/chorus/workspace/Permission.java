package app.chorus.workspace;

import java.util.Locale;

import app.chorus.identity.TokenScope;

/**
 * Something a member may be allowed to do. Each names the API token scope it needs when done through the API: reading
 * needs {@code read}, changing content needs {@code write}, changing who may do what needs {@code admin}.
 */
public enum Permission {

	CONTENT_VIEW(TokenScope.READ),
	MEMBERS_VIEW(TokenScope.READ),
	ANALYTICS_VIEW(TokenScope.READ),
	AUDIT_VIEW(TokenScope.READ),
	POSTS_DRAFT(TokenScope.WRITE),
	POSTS_PUBLISH(TokenScope.WRITE),
	POSTS_APPROVE(TokenScope.WRITE),
	INBOX_REPLY(TokenScope.WRITE),
	REPORTS_MANAGE(TokenScope.WRITE),
	TEAMS_MANAGE(TokenScope.WRITE),
	CHANNELS_MANAGE(TokenScope.ADMIN),
	MEMBERS_MANAGE(TokenScope.ADMIN),
	WORKSPACE_SETTINGS(TokenScope.ADMIN);

	private final TokenScope scope;

	Permission(TokenScope scope) {
		this.scope = scope;
	}

	public TokenScope scope() {
		return scope;
	}

	/** The message key suffix, e.g. {@code posts-publish}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
