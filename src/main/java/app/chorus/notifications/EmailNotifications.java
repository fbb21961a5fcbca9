package app.chorus.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/** Sends plain-text e-mail when SMTP is configured. */
@Service
public class EmailNotifications {

	private static final Logger log = LoggerFactory.getLogger(EmailNotifications.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final String host;
	private final String from;

	EmailNotifications(ObjectProvider<JavaMailSender> sender, @Value("${chorus.smtp.host:}") String host,
			@Value("${chorus.smtp.from}") String from) {
		this.sender = sender;
		this.host = host;
		this.from = from;
	}

	/** Whether e-mail can be sent at all. */
	public boolean enabled() {
		return !host.isBlank() && sender.getIfAvailable() != null;
	}

	/**
	 * Sends one message.
	 * @throws EmailNotSentException when e-mail is off or the SMTP server refused or could not be reached
	 */
	public void send(String to, String subject, String body) {
		JavaMailSender mail = sender.getIfAvailable();
		if (host.isBlank() || mail == null) {
			throw new EmailNotSentException("e-mail is not configured", null);
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(body);
		try {
			mail.send(message);
		}
		catch (MailException e) {
			log.warn("Could not send e-mail \"{}\" through {}: {}", subject, host, e.getMessage());
			throw new EmailNotSentException(e.getMessage(), e);
		}
	}

	/** The message did not leave Chorus. */
	public static final class EmailNotSentException extends RuntimeException {

		EmailNotSentException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
			super(message, cause);
		}
	}
}
