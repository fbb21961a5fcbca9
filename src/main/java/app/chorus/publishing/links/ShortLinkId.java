package app.chorus.publishing.links;

import java.util.UUID;

/** A short link's identity (UUIDv7); the public code is something else. */
public record ShortLinkId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}
}
