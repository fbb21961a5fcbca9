package app.chorus.identity.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.chorus.identity.RecoveryCodesRegenerated;
import app.chorus.identity.TwoFactorDisabled;
import app.chorus.identity.TwoFactorEnabled;
import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.web.ChorusException;

/**
 * Enrolling an authenticator app: a new secret is offered (kept by the caller, in the session, until confirmed), the
 * person proves their app makes the right codes, and only then is it stored, with ten new recovery codes.
 */
@Service
public class TwoFactorService {

	private final Users users;
	private final TotpSecrets totpSecrets;
	private final RecoveryCodes recoveryCodes;
	private final Passwords passwords;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	TwoFactorService(Users users, TotpSecrets totpSecrets, RecoveryCodes recoveryCodes, Passwords passwords,
			Clock clock, ApplicationEventPublisher events) {
		this.users = users;
		this.totpSecrets = totpSecrets;
		this.recoveryCodes = recoveryCodes;
		this.passwords = passwords;
		this.clock = clock;
		this.events = events;
	}

	/** A secret on offer, and the otpauth URI an authenticator app reads from the QR code. */
	public record Offer(String secret, String uri) {
	}

	public Offer offer(UserAccount account, String issuer) {
		String secret = Totp.newSecret();
		String label = URLEncoder.encode(issuer + ":" + account.email(), StandardCharsets.UTF_8).replace("+", "%20");
		String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
				+ URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20") + "&algorithm=SHA1&digits="
				+ Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
		return new Offer(secret, uri);
	}

	/** Turns two-factor sign-in on when the code matches the offered secret; returns the recovery codes to show once. */
	@Transactional
	public List<String> confirm(UserAccount account, String secret, String code) {
		long step = Totp.matchingStep(secret, code, clock.instant());
		if (step < 0) {
			throw ChorusException.invalid("code", "two-factor.code-wrong");
		}
		totpSecrets.enable(account.id(), secret, clock.instant());
		users.spendTotpStep(account.id(), step);
		List<String> codes = recoveryCodes.replace(account.id(), clock.instant());
		events.publishEvent(new TwoFactorEnabled(account.id(), account.email(), RequestOrigin.current()));
		return codes;
	}

	/** Turns it off; asks for the password so an unattended open session cannot do it. */
	@Transactional
	public void disable(UserAccount account, String password) {
		Users.StoredUser user = users.byId(account.id()).orElseThrow(() -> ChorusException.notFound("user"));
		if (!passwords.matches(password, user.passwordHash())) {
			throw ChorusException.invalid("password", "password.current-wrong");
		}
		users.disableTotp(account.id());
		recoveryCodes.clear(account.id());
		events.publishEvent(new TwoFactorDisabled(account.id(), account.email(), RequestOrigin.current()));
	}

	@Transactional
	public List<String> regenerateRecoveryCodes(UserAccount account) {
		if (!account.twoFactorEnabled()) {
			throw ChorusException.invalid("code", "two-factor.not-enabled");
		}
		List<String> codes = recoveryCodes.replace(account.id(), clock.instant());
		events.publishEvent(new RecoveryCodesRegenerated(account.id(), account.email(), RequestOrigin.current()));
		return codes;
	}

	public int remainingRecoveryCodes(UserAccount account) {
		return recoveryCodes.remaining(account.id());
	}
}
