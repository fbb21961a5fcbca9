package app.chorus.shared.ids;

import java.util.UUID;

import com.github.f4b6a3.uuid.UuidCreator;

/** New identifiers: UUIDv7, so ids sort by creation time and index well. */
public final class Ids {

	private Ids() {
	}

	public static UUID next() {
		return UuidCreator.getTimeOrderedEpoch();
	}
}
