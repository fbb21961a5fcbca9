package app.chorus.channels.internal.vault;

import org.springframework.http.HttpStatus;

import app.chorus.channels.ChannelId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;

/**
 * The vault holds no credentials for the channel in this workspace (or the channel is not in it). Answers 404 like
 * any other thing another workspace may not see.
 */
public final class CredentialsNotFoundException extends ChorusException {

	private final String detail;

	CredentialsNotFoundException(WorkspaceId workspace, ChannelId channel) {
		super(HttpStatus.NOT_FOUND, "error.not-found", null, "channel");
		this.detail = "No credentials are stored for channel " + channel + " in workspace " + workspace;
	}

	@Override
	public String getMessage() {
		return detail;
	}
}
