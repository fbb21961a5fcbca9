package app.chorus.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.IdentityManagement;
import app.chorus.identity.UserAccount;
import app.chorus.notifications.Notifications;
import app.chorus.publishing.PublishingManagement;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import app.chorus.workspace.WorkspaceManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Adds the {@link Shell} to every rendered page (not to redirects, fragments or API answers). */
@Component
class ShellInterceptor implements HandlerInterceptor {

	private final CurrentUser currentUser;
	private final WorkspaceContext context;
	private final WorkspaceManagement directory;
	private final Notifications notifications;
	private final PublishingManagement publishing;
	private final IdentityManagement identity;

	ShellInterceptor(CurrentUser currentUser, WorkspaceContext context, WorkspaceManagement directory,
			Notifications notifications, PublishingManagement publishing, IdentityManagement identity) {
		this.currentUser = currentUser;
		this.context = context;
		this.directory = directory;
		this.notifications = notifications;
		this.publishing = publishing;
		this.identity = identity;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		// redirects, and fragments swapped into a page that already has its shell (htmx), need none
		if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")
				|| view.getViewName().contains("::")) {
			return;
		}
		view.addObject("shell", shell(request));
	}

	Shell shell(HttpServletRequest request) {
		UserAccount me = currentUser.account().orElse(null);
		Membership membership = me == null ? null : context.current().orElse(null);
		List<Membership> workspaces = me == null ? List.of() : directory.membershipsOf(me.id());
		String path = request.getRequestURI();
		List<Shell.NavItem> navigation = new ArrayList<>();
		if (membership != null) {
			navigation.add(new Shell.NavItem("nav.home", "/", path.equals("/")));
			if (membership.can(Permission.CONTENT_VIEW)) {
				navigation.add(item("nav.inbox", "/inbox", path));
				navigation.add(item("nav.posts", "/posts", path));
				navigation.add(item("nav.calendar", "/calendar", path));
				navigation.add(item("nav.channels", "/channels", path));
				navigation.add(item("nav.media", "/media", path));
			}
			if (membership.can(Permission.MEMBERS_VIEW)) {
				navigation.add(item("nav.members", "/members", path));
				navigation.add(item("nav.teams", "/teams", path));
			}
			if (membership.can(Permission.AUDIT_VIEW)) {
				navigation.add(item("nav.audit", "/audit", path));
			}
			if (membership.can(Permission.WORKSPACE_SETTINGS)) {
				navigation.add(item("nav.settings", "/settings", path));
			}
		}
		int unread = membership == null ? 0 : notifications.unread(membership.workspaceId(), membership.userId());
		return new Shell(me, membership, workspaces, navigation, unread, SupportedLocales.ALL,
				LocaleContextHolder.getLocale().getLanguage(), path, membership == null ? null : pause(membership));
	}

	private Shell.@Nullable Pause pause(Membership membership) {
		return publishing.pause(membership.workspaceId())
			.map(p -> new Shell.Pause(p.reason(),
					identity.find(p.pausedBy()).map(UserAccount::displayName).orElse(""), p.pausedAt(), p.held()))
			.orElse(null);
	}

	private static Shell.NavItem item(String key, String href, String path) {
		return new Shell.NavItem(key, href, path.equals(href) || path.startsWith(href + "/"));
	}
}
