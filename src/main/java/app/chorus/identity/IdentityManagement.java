package app.chorus.identity;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import app.chorus.identity.internal.AccountService;
import app.chorus.identity.internal.PasswordResetService;
import app.chorus.identity.internal.SignIn;
import app.chorus.identity.internal.TokenService;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** What other modules may ask of identity. */
@Service
public class IdentityManagement {

	private final AccountService accounts;
	private final SignIn signIn;
	private final TokenService tokens;
	private final PasswordResetService resets;

	IdentityManagement(AccountService accounts, SignIn signIn, TokenService tokens, PasswordResetService resets) {
		this.accounts = accounts;
		this.signIn = signIn;
		this.tokens = tokens;
		this.resets = resets;
	}

	/** False only before the first-run setup. */
	public boolean anyAccount() {
		return accounts.anyAccount();
	}

	/**
	 * Creates an account; the password must meet the password rules.
	 * @param actor who made it, or {@code null} when the person signed up themself
	 * @throws app.chorus.shared.web.ChorusException naming the field (email, displayName, password) on bad input
	 */
	public UserAccount createAccount(String email, String displayName, String password, Locale locale, ZoneId zone,
			@Nullable AuditActor actor) {
		return accounts.create(email, displayName, password, locale, zone, actor);
	}

	public Optional<UserAccount> find(UserId id) {
		return accounts.find(id);
	}

	public Optional<UserAccount> findByEmail(String email) {
		return accounts.findByEmail(email);
	}

	public List<UserAccount> findAll(Collection<UserId> ids) {
		return accounts.findAll(ids);
	}

	/** Remembers the language the person chose. */
	public void updateLocale(UserId user, Locale locale) {
		accounts.updateLocale(user, locale);
	}

	/** Ends every sign-in session of the person at once; returns how many were open. */
	public int endAllSessions(UserId user, String reason, AuditActor actor) {
		return signIn.endAllSessions(user, reason, actor);
	}

	/** Revokes every API token the person holds for the workspace; returns how many were live. */
	public int revokeTokens(UserId user, WorkspaceId workspace, String reason, AuditActor actor) {
		return tokens.revokeAll(user, workspace, reason, actor);
	}

	/** A one-hour password reset link for an owner to hand over. */
	public String issuePasswordResetLink(UserId user, AuditActor owner) {
		return resets.issueLink(user, owner);
	}
}
