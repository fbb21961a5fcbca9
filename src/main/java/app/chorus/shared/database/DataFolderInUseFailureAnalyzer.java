package app.chorus.shared.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns "another Chorus holds the data folder" into a short start-up failure report instead of a stack trace. */
class DataFolderInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataFolder.DataFolderInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataFolder.DataFolderInUseException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Stop the Chorus that is running on this data folder, or give this one its own folder with "
						+ "CHORUS_DATA_DIR. (An external database is chosen with CHORUS_DB_URL.)",
				cause);
	}
}
