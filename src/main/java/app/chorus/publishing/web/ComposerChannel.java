package app.chorus.publishing.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.chorus.channels.ChannelStatus;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.NetworkRules;
import app.chorus.channels.spi.Surface;

/**
 * A channel the person may write for, with the surfaces its network offers and the rules a post meets there
 * ({@code null} when this Chorus cannot publish to the network).
 * @param threads whether Chorus can publish further parts (threads, first comments) there
 */
public record ComposerChannel(UUID id, String name, String handle, @Nullable String displayName, NetworkKey network,
		ChannelStatus status, List<Surface> surfaces, @Nullable NetworkRules rules, boolean threads) {

	/** Whether to offer a choice of surface (Instagram's feed, Reels, Stories...). */
	public boolean surfaceChoice() {
		return surfaces.size() > 1;
	}

	/** The surface asked for when the network has it, else its main feed. */
	public Surface surface(@Nullable String key) {
		if (key != null) {
			for (Surface surface : surfaces) {
				if (surface.key().equals(key)) {
					return surface;
				}
			}
		}
		return Surface.primary(network);
	}

	/** Channels of one network, for the composer's groups. */
	public record Group(NetworkKey network, List<ComposerChannel> channels) {
	}
}
