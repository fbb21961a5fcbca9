package app.chorus.workspace;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import app.chorus.identity.ChorusPrincipal;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.internal.WorkspaceService;
import jakarta.servlet.http.HttpSession;

/**
 * The workspace the current request works in, and the caller's role there. An API token is bound to one workspace; a
 * web session works in the workspace last chosen in the switcher (else the person's oldest membership). Membership is
 * read from the database on every request, so a removed member loses access at once.
 */
@Component
public class WorkspaceContext {

	private static final String SESSION_ATTRIBUTE = WorkspaceContext.class.getName() + ".workspace";
	private static final String REQUEST_CACHE = WorkspaceContext.class.getName() + ".membership";

	private final CurrentUser currentUser;
	private final WorkspaceService workspaces;

	WorkspaceContext(CurrentUser currentUser, WorkspaceService workspaces) {
		this.currentUser = currentUser;
		this.workspaces = workspaces;
	}

	/** The caller's membership in the current workspace, if they are signed in and a member of one. */
	public Optional<Membership> current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null
				&& attributes.getAttribute(REQUEST_CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Membership m) {
			return Optional.of(m);
		}
		Optional<Membership> membership = currentUser.principal().flatMap(this::resolve);
		if (attributes != null && membership.isPresent()) {
			attributes.setAttribute(REQUEST_CACHE, membership.get(), RequestAttributes.SCOPE_REQUEST);
		}
		return membership;
	}

	private Optional<Membership> resolve(ChorusPrincipal principal) {
		if (principal.tokenWorkspace() != null) {
			return workspaces.membership(principal.tokenWorkspace(), principal.userId());
		}
		HttpSession session = session();
		if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof WorkspaceId chosen) {
			Optional<Membership> membership = workspaces.membership(chosen, principal.userId());
			if (membership.isPresent()) {
				return membership;
			}
		}
		List<Membership> all = workspaces.membershipsOf(principal.userId());
		return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
	}

	/** The current membership; 404 when the caller belongs to no workspace (the UI offers to create one). */
	public Membership require() {
		return current().orElseThrow(() -> ChorusException.notFound("workspace"));
	}

	/**
	 * The current membership when its role grants the permission and, through the API, the token's scope covers it.
	 * @throws ChorusException 403 otherwise
	 */
	public Membership require(Permission permission) {
		Membership membership = require();
		ChorusPrincipal principal = currentUser.requirePrincipal();
		if (principal.viaToken() && !principal.allows(permission.scope())) {
			throw new ChorusException(HttpStatus.FORBIDDEN, "error.token-scope", null);
		}
		if (!membership.can(permission)) {
			throw ChorusException.forbidden("error.forbidden");
		}
		return membership;
	}

	/** Makes another of the person's workspaces the current one for this web session. */
	public Membership switchTo(WorkspaceId workspace) {
		ChorusPrincipal principal = currentUser.requirePrincipal();
		Membership membership = workspaces.membership(workspace, principal.userId())
			.orElseThrow(() -> ChorusException.notFound("workspace"));
		HttpSession session = session();
		if (session != null) {
			session.setAttribute(SESSION_ATTRIBUTE, workspace);
		}
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			attributes.setAttribute(REQUEST_CACHE, membership, RequestAttributes.SCOPE_REQUEST);
		}
		return membership;
	}

	private static HttpSession session() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getSession(false);
		}
		return null;
	}
}
