package app.chorus.workspace.web;

import java.util.Set;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.WorkspaceContext;
import app.chorus.workspace.internal.WorkspaceService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * When the current workspace requires two-factor sign-in, a member without it can do nothing there but set it up
 * (pages redirect to the enrolment page; the API answers 403).
 */
@Configuration(proxyBeanMethods = false)
class TwoFactorRequirement implements HandlerInterceptor, WebMvcConfigurer {

	private static final Set<String> ALLOWED = Set.of("/account/two-factor", "/logout", "/language", "/error",
			"/workspaces/switch", "/workspaces/new", "/workspaces");

	private final CurrentUser currentUser;
	private final WorkspaceContext context;
	private final WorkspaceService workspaces;

	TwoFactorRequirement(CurrentUser currentUser, WorkspaceContext context, WorkspaceService workspaces) {
		this.currentUser = currentUser;
		this.context = context;
		this.workspaces = workspaces;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/webjars/**", "/css/**", "/js/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws java.io.IOException {
		UserAccount me = currentUser.account().orElse(null);
		if (me == null || me.twoFactorEnabled() || ALLOWED.contains(request.getRequestURI())) {
			return true;
		}
		Membership membership = context.current().orElse(null);
		if (membership == null || !workspaces.find(membership.workspaceId())
			.map(WorkspaceService.WorkspaceView::requireTwoFactor).orElse(false)) {
			return true;
		}
		if (request.getRequestURI().startsWith("/api/")) {
			throw ChorusException.forbidden("workspace.two-factor-required");
		}
		response.sendRedirect(request.getContextPath() + "/account/two-factor?required");
		return false;
	}
}
