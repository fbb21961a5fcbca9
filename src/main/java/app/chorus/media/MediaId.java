package app.chorus.media;

import java.util.UUID;

import app.chorus.shared.ids.Ids;

/** An image or video in a workspace's media library. */
public record MediaId(UUID value) {

	public static MediaId next() {
		return new MediaId(Ids.next());
	}

	public static MediaId of(String value) {
		return new MediaId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
