package app.chorus.publishing;

import java.util.Optional;

import org.springframework.stereotype.Service;

import app.chorus.publishing.internal.PublishingSwitch;
import app.chorus.shared.ids.WorkspaceId;

/** What other modules may ask of publishing: whether the workspace's crisis switch is on (for the page shell). */
@Service
public class PublishingManagement {

	private final PublishingSwitch publishing;

	PublishingManagement(PublishingSwitch publishing) {
		this.publishing = publishing;
	}

	/** The pause, while publishing is paused in the workspace. */
	public Optional<PublishingPause> pause(WorkspaceId workspace) {
		PublishingSwitch.State state = publishing.state(workspace);
		if (!state.paused() || state.reason() == null || state.pausedBy() == null || state.pausedAt() == null) {
			return Optional.empty();
		}
		return Optional.of(new PublishingPause(state.reason(), state.pausedBy(), state.pausedAt(), state.held()));
	}
}
