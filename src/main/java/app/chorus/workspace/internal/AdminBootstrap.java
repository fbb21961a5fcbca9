package app.chorus.workspace.internal;

import java.time.ZoneId;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import app.chorus.identity.IdentityManagement;
import app.chorus.shared.web.ChorusException;

/**
 * Headless first run: with {@code CHORUS_ADMIN_EMAIL} and {@code CHORUS_ADMIN_PASSWORD} set and no account yet, makes
 * the owner account and the first workspace ({@code CHORUS_ADMIN_WORKSPACE}, default "My workspace") at start. Does
 * nothing once any account exists, so the variables may stay set, and on every node of an installation: when several
 * start together on an empty database, one makes the account and the others go on without it.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final WorkspaceService workspaces;
	private final IdentityManagement identity;
	private final String email;
	private final String password;
	private final String workspace;

	AdminBootstrap(WorkspaceService workspaces, IdentityManagement identity, @Value("${chorus.admin.email:}") String email,
			@Value("${chorus.admin.password:}") String password,
			@Value("${chorus.admin.workspace:}") String workspace) {
		this.workspaces = workspaces;
		this.identity = identity;
		this.email = email;
		this.password = password;
		this.workspace = workspace;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (email.isBlank() || password.isBlank() || identity.anyAccount()) {
			return;
		}
		try {
			workspaces.setUp(workspace.isBlank() ? "My workspace" : workspace, email.substring(0, email.indexOf('@') > 0
					? email.indexOf('@') : email.length()), email, password, Locale.ENGLISH, ZoneId.of("UTC"));
			log.info("Created the owner account {} and its first workspace from CHORUS_ADMIN_EMAIL", email);
		}
		catch (ChorusException e) {
			if (WorkspaceService.SETUP_ALREADY_DONE.equals(e.messageKey())) {
				// Several nodes started together with the same variables: another one made the account meanwhile.
				log.info("The first run was done by another Chorus node meanwhile; CHORUS_ADMIN_EMAIL is not needed");
				return;
			}
			throw new IllegalStateException("CHORUS_ADMIN_EMAIL / CHORUS_ADMIN_PASSWORD were not accepted: "
					+ e.messageKey() + (e.field() == null ? "" : " (" + e.field() + ")"), e);
		}
	}
}
