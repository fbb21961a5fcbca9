package app.chorus.audit.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.chorus.shared.audit.AuditableEvent;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.workspace.WorkspaceManagement;

/**
 * Writes every auditable event into the trail, after the action's transaction committed (a rolled-back action leaves
 * no entry). Workspace actions go to that workspace's chain; actions on an account (sign-ins, 2FA, passwords) go to the
 * chain of every workspace the person belongs to, so each workspace's admins see their members' security events;
 * anything else goes to the "system" chain.
 */
@Component
class AuditRecorder {

	static final String SYSTEM_CHAIN = "system";

	private final AuditLog log;
	private final WorkspaceManagement workspaces;
	private final Clock clock;

	AuditRecorder(AuditLog log, WorkspaceManagement workspaces, Clock clock) {
		this.log = log;
		this.workspaces = workspaces;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(AuditableEvent event) {
		List<WorkspaceId> chains = event.workspaceId() != null ? List.of(event.workspaceId())
				: event.subject() != null ? workspaces.workspacesOf(event.subject()) : List.of();
		UserId actor = event.actor().userId();
		if (chains.isEmpty()) {
			log.append(SYSTEM_CHAIN, draft(event, null, actor));
			return;
		}
		for (WorkspaceId workspace : chains) {
			log.append(workspace.toString(), draft(event, workspace.value(), actor));
		}
	}

	private AuditLog.Draft draft(AuditableEvent event, UUID workspace, UserId actor) {
		return new AuditLog.Draft(workspace, clock.instant(), actor == null ? null : actor.value(),
				event.actor().label(), event.action(), event.target(), event.details(), event.origin().address(),
				event.origin().userAgent());
	}
}
