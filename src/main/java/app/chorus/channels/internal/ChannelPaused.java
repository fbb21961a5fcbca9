package app.chorus.channels.internal;

import org.springframework.http.HttpStatus;

import app.chorus.channels.ChannelId;
import app.chorus.shared.web.ChorusException;

/** The channel needs re-authorisation: its work waits, nothing is sent, until a person connects it again. */
public class ChannelPaused extends ChorusException {

	private final ChannelId channel;

	public ChannelPaused(ChannelId channel) {
		super(HttpStatus.CONFLICT, "channel.needs-reauthorization", null);
		this.channel = channel;
	}

	public ChannelId channel() {
		return channel;
	}
}
