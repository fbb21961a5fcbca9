package app.chorus.shared.database;

import java.nio.file.Path;

/**
 * Run in a child JVM by the tests: opens the data folder given as the only argument the way a starting Chorus does,
 * says what happened and exits ({@value #OPENED} or {@value #IN_USE}).
 */
public final class OpenDataFolderMain {

	static final int OPENED = 0;
	static final int IN_USE = 3;

	private OpenDataFolderMain() {
	}

	public static void main(String[] args) {
		DataFolder folder;
		try {
			folder = DataFolder.open(Path.of(args[0]));
		}
		catch (DataFolder.DataFolderInUseException e) {
			System.out.println("REFUSED: " + e.getMessage());
			System.out.flush();
			System.exit(IN_USE);
			return;
		}
		System.out.println("OPENED " + folder.path());
		System.out.flush();
		folder.release();
		System.exit(OPENED);
	}
}
