package app.chorus.channels;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import app.chorus.channels.internal.ChannelService;
import app.chorus.channels.internal.SocialNetworks;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.NetworkRules;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.SocialNetwork;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;

/**
 * What other modules may ask of the channels module: the workspace's channels, who may do what with them, the rules
 * a post must meet there, and a working session to act through the channel's network adapter.
 */
@Service
public class ChannelManagement {

	private final ChannelService channels;
	private final SocialNetworks networks;

	ChannelManagement(ChannelService channels, SocialNetworks networks) {
		this.channels = channels;
		this.networks = networks;
	}

	/** The channel, if the workspace has it. */
	public Optional<ChannelView> find(WorkspaceId workspace, ChannelId id) {
		try {
			return Optional.of(channels.find(workspace, id));
		}
		catch (ChorusException e) {
			return Optional.empty();
		}
	}

	public List<ChannelView> all(WorkspaceId workspace) {
		return channels.all(workspace);
	}

	/**
	 * The workspaces that have at least one channel, for background work that visits every channel (inbox polling)
	 * through {@link #all(WorkspaceId)}.
	 */
	public List<WorkspaceId> workspacesWithChannels() {
		return channels.workspacesWithChannels();
	}

	/** Whether the member may do this with the channel (their role, narrowed by the channel's grants). */
	public boolean may(Membership membership, ChannelId id, ChannelPermission permission) {
		return channels.may(membership, id, permission);
	}

	/** The adapter for the channel's network, when this Chorus has one. */
	public Optional<SocialNetwork> network(ChannelView channel) {
		return networks.find(channel.network());
	}

	/**
	 * The adapter for the channel's network, when the workspace has the channel and this Chorus has an adapter: one
	 * lookup, for work that needs no more than that (the publish engine on every post).
	 */
	public Optional<SocialNetwork> network(WorkspaceId workspace, ChannelId id) {
		return channels.network(workspace, id).flatMap(networks::find);
	}

	/** The rules a post must meet on this channel (instance limits included, for networks that have them). */
	public Optional<NetworkRules> rules(WorkspaceId workspace, ChannelId id) {
		return find(workspace, id).flatMap(channel -> networks.find(channel.network())
			.map(network -> network.rules(channels.settings(workspace, id))));
	}

	/**
	 * A session with working credentials, renewed first when they are about to expire.
	 * @throws ChannelPausedException when the channel needs re-authorisation (its work must wait)
	 * @throws NetworkUnavailable when a needed renewal could not reach the network
	 */
	public ChannelSession session(WorkspaceId workspace, ChannelId id) {
		try {
			return channels.session(workspace, id);
		}
		catch (app.chorus.channels.internal.ChannelPaused e) {
			throw new ChannelPausedException(id);
		}
	}

	/** The network said the session expired: renew it now and hand out the new one. */
	public ChannelSession renewedSession(WorkspaceId workspace, ChannelId id) {
		try {
			return channels.refresh(workspace, id);
		}
		catch (app.chorus.channels.internal.ChannelPaused e) {
			throw new ChannelPausedException(id);
		}
	}

	/**
	 * The network refused the channel's credentials during work (a publish, a poll). Counts towards re-authorisation,
	 * which pauses the channel and tells its owners.
	 */
	public void authorizationRefused(WorkspaceId workspace, ChannelId id, String reason) {
		channels.authorizationFailed(workspace, id, reason);
	}

	/** The channel needs re-authorisation: work for it waits until a person connects it again. */
	public static class ChannelPausedException extends RuntimeException {

		private final ChannelId channel;

		public ChannelPausedException(ChannelId channel) {
			super("channel " + channel + " needs re-authorisation");
			this.channel = channel;
		}

		public ChannelId channel() {
			return channel;
		}
	}
}
