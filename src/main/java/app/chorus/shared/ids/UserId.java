package app.chorus.shared.ids;

import java.util.UUID;

/** A person with a Chorus account. */
public record UserId(UUID value) {

	public static UserId next() {
		return new UserId(Ids.next());
	}

	public static UserId of(String value) {
		return new UserId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
