package app.chorus.workspace.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;

import app.chorus.identity.IdentityManagement;
import app.chorus.shared.web.ChorusException;

/**
 * The headless first run on several nodes started together with the same CHORUS_ADMIN_* variables: each finds no
 * account, one makes it, and the others are told the setup is done. Those must start anyway; only a refusal of the
 * variables themselves stops a node.
 */
class AdminBootstrapTests {

	private final WorkspaceService workspaces = mock(WorkspaceService.class);
	private final IdentityManagement identity = mock(IdentityManagement.class);
	private final AdminBootstrap bootstrap = new AdminBootstrap(workspaces, identity, "owner@example.com",
			"correct horse battery", "Ours");

	@Test
	void aNodeThatLosesTheRaceForTheFirstRunStartsAnyway() {
		when(identity.anyAccount()).thenReturn(false);
		when(workspaces.setUp(anyString(), anyString(), anyString(), anyString(), any(), any()))
			.thenThrow(ChorusException.conflict(null, WorkspaceService.SETUP_ALREADY_DONE));

		assertThatCode(() -> bootstrap.run(null)).doesNotThrowAnyException();
	}

	@Test
	void variablesTheSetupRefusesStillStopTheStart() {
		when(identity.anyAccount()).thenReturn(false);
		when(workspaces.setUp(anyString(), anyString(), anyString(), anyString(), any(), any()))
			.thenThrow(ChorusException.invalid("password", "password.too-short"));

		assertThatThrownBy(() -> bootstrap.run(null)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("password.too-short");
	}
}
