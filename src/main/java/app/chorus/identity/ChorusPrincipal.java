package app.chorus.identity;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/**
 * Who is calling: a person through a login session, or through one of their API tokens (which is bound to one
 * workspace and carries scopes). It holds ids only; the account itself is read fresh on every request.
 */
public record ChorusPrincipal(UserId userId, @Nullable UUID sessionId, @Nullable UUID tokenId,
		@Nullable WorkspaceId tokenWorkspace, Set<TokenScope> scopes) {

	public static ChorusPrincipal session(UserId userId, UUID sessionId) {
		return new ChorusPrincipal(userId, sessionId, null, null, Set.of(TokenScope.values()));
	}

	public static ChorusPrincipal token(UserId userId, UUID tokenId, WorkspaceId workspace, Set<TokenScope> scopes) {
		return new ChorusPrincipal(userId, null, tokenId, workspace, Set.copyOf(scopes));
	}

	public boolean viaToken() {
		return tokenId != null;
	}

	public boolean allows(TokenScope needed) {
		return scopes.stream().anyMatch(scope -> scope.includes(needed));
	}
}
