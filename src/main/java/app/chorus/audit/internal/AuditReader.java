package app.chorus.audit.internal;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.chorus.audit.AuditEntry;
import app.chorus.audit.AuditFilter;
import app.chorus.audit.ChainVerification;
import app.chorus.shared.ids.WorkspaceId;

/** Pages and verification over one workspace's chain. */
@Service
public class AuditReader {

	static final int MAX_PAGE = 500;

	private final AuditLog log;
	private final Clock clock;

	AuditReader(AuditLog log, Clock clock) {
		this.log = log;
		this.clock = clock;
	}

	public List<AuditEntry> page(WorkspaceId workspace, AuditFilter filter, @Nullable Long before, int limit) {
		return log.page(workspace.toString(), filter, before, Math.max(1, Math.min(limit, MAX_PAGE)));
	}

	public List<String> actions(WorkspaceId workspace) {
		return log.actions(workspace.toString());
	}

	@Transactional(readOnly = true)
	public ChainVerification verify(WorkspaceId workspace) {
		String chain = workspace.toString();
		Verifier verifier = new Verifier();
		log.walk(chain, verifier);
		if (verifier.problem == null) {
			long headSeq = log.head(chain).map(AuditLog.Head::seq).orElse(0L);
			if (headSeq != verifier.expectedSeq - 1) {
				verifier.fail(verifier.expectedSeq, "missing");
			}
		}
		return new ChainVerification(verifier.problem == null, verifier.checked, verifier.firstBad, verifier.problem,
				clock.instant());
	}

	/** Walks a chain in order, remembering the first thing wrong. */
	private static final class Verifier implements java.util.function.Consumer<AuditEntry> {

		long expectedSeq = 1;
		String expectedPrev = AuditHashing.GENESIS;
		long checked;
		@Nullable Long firstBad;
		@Nullable String problem;

		@Override
		public void accept(AuditEntry entry) {
			if (problem != null) {
				return;
			}
			checked++;
			if (entry.seq() != expectedSeq) {
				fail(expectedSeq, "missing");
				return;
			}
			if (!entry.prevHash().equals(expectedPrev)) {
				fail(entry.seq(), "relinked");
				return;
			}
			if (!AuditHashing.hash(entry).equals(entry.hash())) {
				fail(entry.seq(), "altered");
				return;
			}
			expectedSeq++;
			expectedPrev = entry.hash();
		}

		void fail(long seq, String what) {
			firstBad = seq;
			problem = what;
		}
	}
}
