package app.chorus.media.internal;

/** A file whose first bytes name a type the library takes, but whose content does not hold together as that type. */
class UnreadableMediaException extends Exception {

	UnreadableMediaException(String reason) {
		super(reason);
	}

	UnreadableMediaException(String reason, Throwable cause) {
		super(reason, cause);
	}
}
