package app.chorus.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.chorus.identity.PasswordResetIssued;
import app.chorus.identity.UserAccount;
import app.chorus.notifications.EmailNotifications;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.security.SecretToken;
import app.chorus.shared.web.ChorusException;

/**
 * Forgotten passwords. With SMTP configured a person asks for a link by e-mail (and the page says the same thing
 * whether or not the address has an account); without it, a workspace owner makes the link and hands it over.
 */
@Service
public class PasswordResetService {

	private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);
	static final Duration LIFETIME = Duration.ofHours(1);

	private final PasswordResets resets;
	private final Users users;
	private final AccountService accounts;
	private final EmailNotifications email;
	private final MessageSource messages;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final String baseUrl;

	PasswordResetService(PasswordResets resets, Users users, AccountService accounts, EmailNotifications email,
			MessageSource messages, Clock clock, ApplicationEventPublisher events,
			@Value("${chorus.base-url}") String baseUrl) {
		this.resets = resets;
		this.users = users;
		this.accounts = accounts;
		this.email = email;
		this.messages = messages;
		this.clock = clock;
		this.events = events;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	public boolean emailEnabled() {
		return email.enabled();
	}

	/** Sends a reset link when the address has an account; does nothing visible otherwise. */
	@Transactional
	public void requestByEmail(String address) {
		Optional<Users.StoredUser> user = users.byEmail(AccountService.normalizeEmail(address));
		if (user.isEmpty() || user.get().disabled()) {
			return;
		}
		UserAccount account = user.get().account();
		String link = issue(account, AuditActor.anonymous(account.email()), "email");
		Locale locale = account.locale();
		try {
			email.send(account.email(), messages.getMessage("password.reset.mail.subject", null, locale),
					messages.getMessage("password.reset.mail.body", new Object[] { account.displayName(), link,
							LIFETIME.toMinutes() }, locale));
		}
		catch (EmailNotifications.EmailNotSentException e) {
			// The page answers the same either way, so a failed send is for the operator's log only.
			log.warn("Password reset mail for an account could not be sent: {}", e.getMessage());
		}
	}

	/** An owner makes a link for a member (no SMTP, or a member without access to their mail). */
	@Transactional
	public String issueLink(UserId user, AuditActor owner) {
		UserAccount account = users.byId(user).map(Users.StoredUser::account)
			.orElseThrow(() -> ChorusException.notFound("user"));
		return issue(account, owner, "link");
	}

	private String issue(UserAccount account, AuditActor actor, String delivery) {
		SecretToken token = SecretToken.generate("");
		Instant now = clock.instant();
		resets.insert(token.hash(), account.id(), now, now.plus(LIFETIME));
		events.publishEvent(new PasswordResetIssued(account.id(), account.email(), actor, delivery,
				RequestOrigin.current()));
		return baseUrl + "/password/reset?token=" + token.value();
	}

	public boolean linkValid(String token) {
		return resets.valid(SecretToken.hash(token), clock.instant()).isPresent();
	}

	/** Sets the new password through a valid link, spends it, and ends every session of the person. */
	@Transactional
	public void reset(String token, String newPassword) {
		byte[] hash = SecretToken.hash(token);
		UserId userId = resets.valid(hash, clock.instant())
			.orElseThrow(() -> ChorusException.invalid("token", "password.reset.link-invalid"));
		Users.StoredUser user = users.byId(userId).orElseThrow(() -> ChorusException.notFound("user"));
		accounts.setPassword(user, newPassword, "reset", AuditActor.user(userId, user.account().email()), Ids.next());
		resets.spend(hash, userId, clock.instant());
	}
}
