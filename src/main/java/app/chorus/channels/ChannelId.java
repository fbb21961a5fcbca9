package app.chorus.channels;

import java.util.UUID;

import app.chorus.shared.ids.Ids;

/** A connected social account. */
public record ChannelId(UUID value) {

	public static ChannelId next() {
		return new ChannelId(Ids.next());
	}

	public static ChannelId of(String value) {
		return new ChannelId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
