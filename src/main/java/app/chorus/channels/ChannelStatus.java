package app.chorus.channels;

import java.util.Locale;

/** Whether a channel can work. */
public enum ChannelStatus {

	/** Credentials work. */
	CONNECTED,
	/** The network refused the credentials repeatedly: its work is paused until a person connects it again. */
	NEEDS_REAUTHORIZATION;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ChannelStatus fromKey(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}
}
