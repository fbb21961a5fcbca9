package app.chorus.notifications;

import java.util.Properties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** An SMTP sender from {@code CHORUS_SMTP_*}, only when a host is given. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${chorus.smtp.host:}'.isBlank()")
class MailConfiguration {

	@Bean
	JavaMailSenderImpl mailSender(@Value("${chorus.smtp.host}") String host, @Value("${chorus.smtp.port}") int port,
			@Value("${chorus.smtp.username:}") String username, @Value("${chorus.smtp.password:}") String password,
			@Value("${chorus.smtp.starttls:true}") boolean starttls) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(host);
		sender.setPort(port);
		if (!username.isBlank()) {
			sender.setUsername(username);
			sender.setPassword(password);
		}
		Properties properties = sender.getJavaMailProperties();
		properties.put("mail.smtp.auth", String.valueOf(!username.isBlank()));
		properties.put("mail.smtp.starttls.enable", String.valueOf(starttls));
		properties.put("mail.smtp.connectiontimeout", "10000");
		properties.put("mail.smtp.timeout", "10000");
		properties.put("mail.smtp.writetimeout", "10000");
		return sender;
	}
}
