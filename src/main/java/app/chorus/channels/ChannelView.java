package app.chorus.channels;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import app.chorus.channels.spi.NetworkKey;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;

/** A channel as people and other modules see it: never a secret. */
public record ChannelView(ChannelId id, WorkspaceId workspaceId, NetworkKey network, String name, String accountId,
		String handle, @Nullable String displayName, @Nullable String avatarUrl, String endpoint, ChannelStatus status,
		List<Owner> owners, Instant connectedAt, @Nullable Instant tokenExpiresAt, @Nullable String lastError) {

	/** An owner of the channel. */
	public record Owner(UserId userId, String email, String displayName) {
	}

	/** Fewer than two owners: if the one owner leaves or is away, nobody answers for the account. */
	public boolean hasBackup() {
		return owners.size() >= 2;
	}
}
