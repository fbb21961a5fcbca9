package app.chorus.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import app.chorus.audit.internal.AuditReader;
import app.chorus.shared.ids.WorkspaceId;

/** Reading and verifying a workspace's audit trail. Everything is scoped to one workspace's chain. */
@Service
public class AuditTrail {

	private final AuditReader reader;

	AuditTrail(AuditReader reader) {
		this.reader = reader;
	}

	/** Newest first; pass the last entry's {@code seq} as {@code before} for the next page. */
	public List<AuditEntry> page(WorkspaceId workspace, AuditFilter filter, @Nullable Long before, int limit) {
		return reader.page(workspace, filter, before, limit);
	}

	/** Re-computes every hash of the workspace's chain and reports the first entry that does not hold. */
	public ChainVerification verify(WorkspaceId workspace) {
		return reader.verify(workspace);
	}

	/** The action names that occur in the workspace's trail, for filter menus. */
	public List<String> actions(WorkspaceId workspace) {
		return reader.actions(workspace);
	}
}
