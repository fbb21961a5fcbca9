package app.chorus.shared.audit;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** Where an action came from: the client address and its user agent, or "internal" for background work. */
public record RequestOrigin(String address, String userAgent) {

	private static final int MAX_USER_AGENT = 300;

	public static RequestOrigin internal() {
		return new RequestOrigin("internal", "");
	}

	public static RequestOrigin of(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		agent = agent == null ? "" : agent;
		return new RequestOrigin(request.getRemoteAddr(),
				agent.length() > MAX_USER_AGENT ? agent.substring(0, MAX_USER_AGENT) : agent);
	}

	/** The origin of the request this thread serves, or {@link #internal()}. */
	public static RequestOrigin current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return of(attributes.getRequest());
		}
		return internal();
	}
}
