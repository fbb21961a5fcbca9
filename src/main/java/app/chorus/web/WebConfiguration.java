package app.chorus.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final ShellInterceptor shell;

	WebConfiguration(ShellInterceptor shell) {
		this.shell = shell;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(shell).excludePathPatterns("/api/**", "/webjars/**", "/css/**", "/js/**");
	}
}
