package app.chorus.identity.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two ways in. The REST API ({@code /api/**}) is stateless and takes personal API tokens as bearer tokens. The web UI
 * uses a session cookie, established by our own sign-in pages (password, then the second factor when there is one),
 * with CSRF protection on every form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// The filters below run inside the security chains only, not a second time as plain servlet filters.
	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(BearerTokenFilter filter) {
		FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<SessionCheckFilter> sessionCheckFilterRegistration(SessionCheckFilter filter) {
		FilterRegistrationBean<SessionCheckFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, BearerTokenFilter bearer, ApiAuthenticationProblems problems)
			throws Exception {
		return http.securityMatcher("/api/**")
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.formLogin(f -> f.disable())
			.httpBasic(b -> b.disable())
			.logout(l -> l.disable())
			.requestCache(r -> r.disable())
			.addFilterAfter(bearer, SecurityContextHolderFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.authorizeHttpRequests(a -> a
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens").permitAll()
				// networks' webhook deliveries carry no token: their signature is checked by the inbox instead
				.requestMatchers(HttpMethod.POST, "/api/v1/webhooks/*/*").permitAll()
				.requestMatchers("/api/v1/openapi/**", "/api/v1/openapi", "/api/docs", "/api/docs/**").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(BearerTokenFilter.authority(
						app.chorus.identity.TokenScope.READ))
				.anyRequest().hasAuthority(BearerTokenFilter.authority(app.chorus.identity.TokenScope.WRITE)))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, SessionCheckFilter sessions,
			SecurityContextRepository contextRepository) throws Exception {
		return http
			.securityContext(c -> c.securityContextRepository(contextRepository))
			.formLogin(f -> f.disable())
			.httpBasic(b -> b.disable())
			.logout(l -> l.disable())
			.addFilterAfter(sessions, SecurityContextHolderFilter.class)
			.headers(h -> h
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; "
						+ "form-action 'self'; base-uri 'self'")))
			.exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
			.authorizeHttpRequests(a -> a
				.requestMatchers("/login", "/login/**", "/setup", "/password/**", "/invitations/accept/**",
						"/language", "/l/**", "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error",
						"/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/swagger-ui/**",
						"/v3/api-docs/**")
				.permitAll()
				.anyRequest().authenticated())
			.build();
	}
}
