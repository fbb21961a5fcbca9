package app.chorus.shared.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable master key into a short start-up failure report instead of a stack trace. */
class MasterKeyFailureAnalyzer extends AbstractFailureAnalyzer<MasterKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MasterKeyException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}
}
