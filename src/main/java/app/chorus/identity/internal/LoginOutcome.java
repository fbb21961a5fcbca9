package app.chorus.identity.internal;

import app.chorus.identity.UserAccount;

/** What a sign-in attempt with e-mail and password led to. */
public sealed interface LoginOutcome {

	/** Password right and no second factor set up: the person is in. */
	record SignedIn(UserAccount account) implements LoginOutcome {
	}

	/** Password right; a code from the authenticator (or a recovery code) comes next. */
	record SecondFactorNeeded(UserAccount account) implements LoginOutcome {
	}

	/** Wrong e-mail or password: deliberately not saying which. */
	record Refused() implements LoginOutcome {
	}

	/** Too many failures for this account or from this address; try again later. */
	record Throttled() implements LoginOutcome {
	}
}
