package app.chorus.identity.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.chorus.identity.AccountCreated;
import app.chorus.identity.PasswordChanged;
import app.chorus.identity.SessionsEnded;
import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.web.ChorusException;

/** Creating accounts and changing what their owners may change. */
@Service
public class AccountService {

	static final int MAX_NAME = 120;
	static final int MAX_EMAIL = 254;

	private final Users users;
	private final Sessions sessions;
	private final Passwords passwords;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	AccountService(Users users, Sessions sessions, Passwords passwords, Clock clock, ApplicationEventPublisher events) {
		this.users = users;
		this.sessions = sessions;
		this.passwords = passwords;
		this.clock = clock;
		this.events = events;
	}

	/** E-mail addresses are compared without case and surrounding space. */
	public static String normalizeEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	public boolean anyAccount() {
		return users.any();
	}

	/**
	 * Creates an account.
	 * @param actor who made it; {@code null} when the person signed up themself (first-run setup, an invitation)
	 */
	@Transactional
	public UserAccount create(String email, String displayName, String password, Locale locale, ZoneId zone,
			@Nullable AuditActor actor) {
		String normal = normalizeEmail(email);
		if (normal.length() > MAX_EMAIL || !normal.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw ChorusException.invalid("email", "account.email.invalid");
		}
		String name = displayName.strip();
		if (name.isEmpty()) {
			throw ChorusException.invalid("displayName", "account.name.required");
		}
		if (name.length() > MAX_NAME) {
			throw ChorusException.invalid("displayName", "account.name.too-long", MAX_NAME);
		}
		passwords.checkAcceptable("password", password, normal);
		if (users.emailTaken(normal)) {
			throw ChorusException.conflict("email", "account.email.taken");
		}
		UserAccount account = new UserAccount(UserId.next(), normal, name, locale, zone, false, clock.instant());
		users.insert(account, passwords.hash(password), clock.instant());
		events.publishEvent(new AccountCreated(account.id(), normal,
				actor == null ? AuditActor.user(account.id(), normal) : actor,
				RequestOrigin.current()));
		return account;
	}

	public Optional<UserAccount> find(UserId id) {
		return users.byId(id).map(Users.StoredUser::account);
	}

	public Optional<UserAccount> findByEmail(String email) {
		return users.byEmail(normalizeEmail(email)).map(Users.StoredUser::account);
	}

	public List<UserAccount> findAll(Collection<UserId> ids) {
		return users.byIds(ids);
	}

	@Transactional
	public void updateProfile(UserId id, String displayName, Locale locale, ZoneId zone) {
		String name = displayName.strip();
		if (name.isEmpty()) {
			throw ChorusException.invalid("displayName", "account.name.required");
		}
		if (name.length() > MAX_NAME) {
			throw ChorusException.invalid("displayName", "account.name.too-long", MAX_NAME);
		}
		users.updateProfile(id, name, locale, zone);
	}

	@Transactional
	public void updateLocale(UserId id, Locale locale) {
		users.updateLocale(id, locale);
	}

	/**
	 * Changes the password after checking the current one, and ends every other session of the person: whoever
	 * might have learnt the old password is signed out.
	 */
	@Transactional
	public void changePassword(UserId id, String current, String replacement, UUID keepSession) {
		Users.StoredUser user = users.byId(id).orElseThrow(() -> ChorusException.notFound("user"));
		if (!passwords.matches(current, user.passwordHash())) {
			throw ChorusException.invalid("currentPassword", "password.current-wrong");
		}
		setPassword(user, replacement, "changed", AuditActor.user(id, user.account().email()), keepSession);
	}

	void setPassword(Users.StoredUser user, String replacement, String how, AuditActor actor, UUID keepSession) {
		UserAccount account = user.account();
		passwords.checkAcceptable("newPassword", replacement, account.email());
		users.updatePassword(account.id(), passwords.hash(replacement), clock.instant());
		RequestOrigin origin = RequestOrigin.current();
		events.publishEvent(new PasswordChanged(account.id(), account.email(), actor, how, origin));
		int ended = sessions.endAll(account.id(), "password-" + how, clock.instant(), keepSession);
		if (ended > 0) {
			events.publishEvent(new SessionsEnded(account.id(), account.email(), actor, "password-" + how, ended,
					origin));
		}
	}
}
