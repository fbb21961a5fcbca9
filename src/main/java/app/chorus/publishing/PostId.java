package app.chorus.publishing;

import java.util.UUID;

import app.chorus.shared.ids.Ids;

/** A post: one message, with a variant per channel. */
public record PostId(UUID value) {

	public static PostId next() {
		return new PostId(Ids.next());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
