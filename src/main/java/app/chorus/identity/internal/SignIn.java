package app.chorus.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.chorus.identity.LoggedIn;
import app.chorus.identity.LoggedOut;
import app.chorus.identity.LoginFailed;
import app.chorus.identity.SessionsEnded;
import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.UserId;

/** Checking credentials and second factors, and the life of sign-in sessions. */
@Service
public class SignIn {

	private final Users users;
	private final TotpSecrets totpSecrets;
	private final Sessions sessions;
	private final RecoveryCodes recoveryCodes;
	private final Passwords passwords;
	private final LoginThrottle throttle;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	SignIn(Users users, TotpSecrets totpSecrets, Sessions sessions, RecoveryCodes recoveryCodes, Passwords passwords,
			LoginThrottle throttle, Clock clock, ApplicationEventPublisher events) {
		this.users = users;
		this.totpSecrets = totpSecrets;
		this.sessions = sessions;
		this.recoveryCodes = recoveryCodes;
		this.passwords = passwords;
		this.throttle = throttle;
		this.clock = clock;
		this.events = events;
	}

	/** First step: e-mail and password. Failures are counted and audited; the answer never says whether the e-mail exists. */
	@Transactional
	public LoginOutcome checkPassword(String email, String password, RequestOrigin origin) {
		String account = AccountService.normalizeEmail(email);
		if (throttle.blocked(account, origin.address())) {
			Optional<Users.StoredUser> user = users.byEmail(account);
			events.publishEvent(new LoginFailed(user.map(u -> u.account().id()).orElse(null), account, "throttled",
					origin));
			return new LoginOutcome.Throttled();
		}
		Optional<Users.StoredUser> user = users.byEmail(account);
		if (user.isEmpty()) {
			passwords.burnTime(password);
		}
		if (user.isEmpty() || user.get().disabled() || !passwords.matches(password, user.get().passwordHash())) {
			throttle.recordFailure(account, origin.address());
			events.publishEvent(new LoginFailed(user.map(u -> u.account().id()).orElse(null), account, "credentials",
					origin));
			return new LoginOutcome.Refused();
		}
		UserAccount found = user.get().account();
		if (found.twoFactorEnabled()) {
			return new LoginOutcome.SecondFactorNeeded(found);
		}
		throttle.clear(account);
		return new LoginOutcome.SignedIn(found);
	}

	/**
	 * Second step: a six-digit code from the authenticator, or one of the recovery codes (which is then spent).
	 * @return the method that worked ("password+totp" or "password+recovery-code"), or empty when the code is wrong
	 */
	@Transactional
	public Optional<String> checkSecondFactor(UserId userId, String code, RequestOrigin origin) {
		Optional<Users.StoredUser> found = users.byId(userId);
		Optional<String> secret = found.isEmpty() ? Optional.empty() : totpSecrets.of(userId);
		if (secret.isEmpty()) {
			return Optional.empty();
		}
		Users.StoredUser user = found.get();
		String account = user.account().email();
		if (throttle.blocked(account, origin.address())) {
			events.publishEvent(new LoginFailed(userId, account, "throttled", origin));
			return Optional.empty();
		}
		Optional<String> method = Optional.empty();
		long step = Totp.matchingStep(secret.get(), code, clock.instant());
		if (step >= 0 && users.spendTotpStep(userId, step)) {
			method = Optional.of("password+totp");
		}
		else if (code.strip().length() > Totp.DIGITS && recoveryCodes.spend(userId, code, clock.instant())) {
			method = Optional.of("password+recovery-code");
		}
		if (method.isEmpty()) {
			throttle.recordFailure(account, origin.address());
			events.publishEvent(new LoginFailed(userId, account, "second-factor", origin));
		}
		else {
			throttle.clear(account);
		}
		return method;
	}

	/** Opens a session for a person who passed every step, and audits the sign-in. */
	@Transactional
	public UUID startSession(UserAccount account, String method, RequestOrigin origin) {
		UUID id = Ids.next();
		sessions.start(id, account.id(), origin, clock.instant());
		events.publishEvent(new LoggedIn(account.id(), account.email(), method, origin));
		return id;
	}

	/** The account behind an open session, refreshing its last-seen time; empty once the session was ended. */
	@Transactional
	public Optional<UserAccount> resume(UUID sessionId) {
		return sessions.open(sessionId).flatMap(session -> {
			Optional<Users.StoredUser> user = users.byId(session.userId()).filter(u -> !u.disabled());
			if (user.isPresent() && session.lastSeenAt().isBefore(clock.instant().minusSeconds(60))) {
				sessions.touch(sessionId, clock.instant());
			}
			return user.map(Users.StoredUser::account);
		});
	}

	@Transactional
	public void signOut(UserAccount account, UUID sessionId, RequestOrigin origin) {
		if (sessions.end(sessionId, account.id(), "signed-out", clock.instant())) {
			events.publishEvent(new LoggedOut(account.id(), account.email(), origin));
		}
	}

	public List<Sessions.SessionRow> openSessions(UserId user) {
		return sessions.openOf(user);
	}

	/** Ends one of the person's own sessions (another device). */
	@Transactional
	public boolean endSession(UserAccount account, UUID sessionId) {
		boolean ended = sessions.end(sessionId, account.id(), "signed-out-elsewhere", clock.instant());
		if (ended) {
			events.publishEvent(new SessionsEnded(account.id(), account.email(),
					AuditActor.user(account.id(), account.email()), "signed-out-elsewhere", 1, RequestOrigin.current()));
		}
		return ended;
	}

	/** Ends every session of the person (another module decided: a removed member). */
	@Transactional
	public int endAllSessions(UserId user, String reason, AuditActor actor) {
		int ended = sessions.endAll(user, reason, clock.instant(), Ids.next());
		if (ended > 0) {
			String email = users.byId(user).map(u -> u.account().email()).orElse(user.toString());
			events.publishEvent(new SessionsEnded(user, email, actor, reason, ended, RequestOrigin.current()));
		}
		return ended;
	}
}
