package app.chorus.channels.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.channels.ChannelConnected;
import app.chorus.channels.ChannelDisconnected;
import app.chorus.channels.ChannelGrantChanged;
import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelNeedsReauthorization;
import app.chorus.channels.ChannelOwnersChanged;
import app.chorus.channels.ChannelPermission;
import app.chorus.channels.ChannelRenamed;
import app.chorus.channels.ChannelStatus;
import app.chorus.channels.ChannelView;
import app.chorus.channels.internal.ChannelRecords.ChannelRow;
import app.chorus.channels.internal.ChannelRecords.GrantRow;
import app.chorus.channels.internal.vault.CredentialVault;
import app.chorus.channels.spi.AppPasswordConnecting;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.ConnectedAccount;
import app.chorus.channels.spi.ConnectionRefused;
import app.chorus.channels.spi.CredentialRevoking;
import app.chorus.channels.spi.Credentials;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.SessionRefreshing;
import app.chorus.identity.IdentityManagement;
import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceManagement;

/**
 * The life of a channel: connecting it (the network is asked first, outside any transaction; only an account the
 * network confirmed is stored, so a refused connection leaves nothing behind), renaming, owners and grants, handing
 * out working sessions (refreshed ahead of expiry), counting refused authorisations until the channel needs a person,
 * and disconnecting (revoked at the network where it can be, secrets purged).
 */
@Service
public class ChannelService {

	private static final Logger log = LoggerFactory.getLogger(ChannelService.class);

	static final int MAX_NAME = 100;
	static final String MEMBER = "member";
	static final String TEAM = "team";

	private final ChannelRecords records;
	private final CredentialVault vault;
	private final SocialNetworks networks;
	private final IdentityManagement identity;
	private final WorkspaceManagement workspaces;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Duration refreshAhead;
	private final int failuresBeforeReauthorization;

	ChannelService(ChannelRecords records, CredentialVault vault, SocialNetworks networks,
			IdentityManagement identity, WorkspaceManagement workspaces, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock,
			@Value("${chorus.channels.refresh-ahead:PT10M}") Duration refreshAhead,
			@Value("${chorus.channels.failures-before-reauthorization:3}") int failuresBeforeReauthorization) {
		this.records = records;
		this.vault = vault;
		this.networks = networks;
		this.identity = identity;
		this.workspaces = workspaces;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.refreshAhead = refreshAhead;
		this.failuresBeforeReauthorization = failuresBeforeReauthorization;
	}

	/** A grant as people see it. */
	public record GrantView(String granteeType, UUID granteeId, String granteeName,
			Set<ChannelPermission> permissions) {
	}

	/** The result of a connection: the channel, and whether it was new or an account connected again. */
	public record Connected(ChannelView channel, boolean created) {
	}

	public List<ChannelView> all(WorkspaceId workspace) {
		Map<ChannelId, List<UserId>> owners = records.owners(workspace);
		return records.all(workspace).stream()
			.map(row -> view(row, owners.getOrDefault(row.id(), List.of())))
			.toList();
	}

	/** The workspaces that have at least one channel. */
	public List<WorkspaceId> workspacesWithChannels() {
		return records.workspaces();
	}

	public ChannelView find(WorkspaceId workspace, ChannelId id) {
		return view(row(workspace, id));
	}

	/** The channel's network, if the workspace has the channel. */
	public Optional<NetworkKey> network(WorkspaceId workspace, ChannelId id) {
		return records.find(workspace, id).map(ChannelRow::network);
	}

	/** The channel's non-secret settings (instance limits, service addresses). */
	public Map<String, String> settings(WorkspaceId workspace, ChannelId id) {
		return row(workspace, id).settings();
	}

	public List<GrantView> grants(WorkspaceId workspace, ChannelId id) {
		row(workspace, id);
		return records.grants(workspace, id).stream().map(g -> grantView(workspace, g)).toList();
	}

	/**
	 * Connects an account that signs in with an identifier and an app password (Bluesky). Connecting an account the
	 * workspace already has renews its credentials instead (that is how a channel that needs re-authorisation is
	 * fixed).
	 */
	public Connected connectWithAppPassword(Membership membership, AuditActor who, NetworkKey network,
			@Nullable String serviceUrl, @Nullable String identifier, @Nullable String appPassword) {
		requireManage(membership);
		AppPasswordConnecting connecting = networks.capability(network, AppPasswordConnecting.class)
			.orElseThrow(() -> ChorusException.invalid("network", "channel.network.not-by-app-password"));
		String service = serviceUrl == null || serviceUrl.isBlank() ? "" : checkUrl("pdsUrl", serviceUrl);
		String id = required("handle", identifier);
		String password = required("appPassword", appPassword);
		ConnectedAccount account;
		try {
			account = connecting.connect(service, id, password);
		}
		catch (ConnectionRefused e) {
			log.info("{} refused a connection for {}: {}", network.key(), id, e.getMessage());
			throw ChorusException.invalid(e.field(), e.reasonKey());
		}
		catch (NetworkUnavailable e) {
			log.info("{} could not be reached to connect {}: {}", network.key(), id, e.getMessage());
			throw new ChorusException(HttpStatus.SERVICE_UNAVAILABLE, "channel.connect.unavailable", "pdsUrl");
		}
		return store(membership, who, network, account);
	}

	/** Stores an account the network confirmed (used by every connection flow once the network said yes). */
	public Connected store(Membership membership, AuditActor who, NetworkKey network, ConnectedAccount account) {
		requireManage(membership);
		WorkspaceId workspace = membership.workspaceId();
		Instant now = clock.instant();
		return transactions.execute(status -> {
			var existing = records.findByAccount(workspace, network, account.accountId());
			if (existing.isPresent()) {
				ChannelRow old = existing.get();
				ChannelRow renewed = new ChannelRow(old.id(), workspace, network, old.name(), account.accountId(),
						account.handle(), account.displayName(), account.avatarUrl(), account.endpoint(),
						account.settings(), ChannelStatus.CONNECTED, 0, account.credentials().expiresAt(), null,
						old.connectedBy(), old.connectedAt(), now);
				records.reconnected(renewed);
				vault.store(workspace, old.id(), account.credentials());
				events.publishEvent(new ChannelConnected(workspace, who, old.id(), network.key(), old.name(),
						account.handle(), RequestOrigin.current()));
				return new Connected(find(workspace, old.id()), false);
			}
			ChannelId id = ChannelId.next();
			String name = clip(account.displayName() == null || account.displayName().isBlank() ? account.handle()
					: account.displayName());
			records.insert(new ChannelRow(id, workspace, network, name, account.accountId(), account.handle(),
					account.displayName(), account.avatarUrl(), account.endpoint(), account.settings(),
					ChannelStatus.CONNECTED, 0, account.credentials().expiresAt(), null, membership.userId(), now,
					now));
			records.addOwner(workspace, id, membership.userId());
			vault.store(workspace, id, account.credentials());
			events.publishEvent(new ChannelConnected(workspace, who, id, network.key(), name, account.handle(),
					RequestOrigin.current()));
			return new Connected(find(workspace, id), true);
		});
	}

	public ChannelView rename(Membership membership, AuditActor who, ChannelId id, @Nullable String name) {
		requireManage(membership);
		ChannelRow row = row(membership.workspaceId(), id);
		String checked = required("name", name);
		if (checked.length() > MAX_NAME) {
			throw ChorusException.invalid("name", "channel.name.too-long", MAX_NAME);
		}
		if (!checked.equals(row.name())) {
			transactions.executeWithoutResult(s -> {
				records.rename(membership.workspaceId(), id, checked);
				events.publishEvent(new ChannelRenamed(membership.workspaceId(), who, id, row.network().key(),
						checked, row.name(), RequestOrigin.current()));
			});
		}
		return find(membership.workspaceId(), id);
	}

	/**
	 * Disconnects the channel: the network is asked to revoke the credentials where it can (best effort: an
	 * unreachable network does not keep the channel connected here), then the secrets and the channel are removed.
	 */
	public void disconnect(Membership membership, AuditActor who, ChannelId id) {
		requireManage(membership);
		WorkspaceId workspace = membership.workspaceId();
		ChannelRow row = row(workspace, id);
		boolean revoked = false;
		var revoking = networks.capability(row.network(), CredentialRevoking.class);
		if (revoking.isPresent()) {
			try {
				revoking.get().revoke(session(row, vault.load(workspace, id)));
				revoked = true;
			}
			catch (RuntimeException e) {
				log.info("Could not revoke {} channel {} at the network ({}); its secrets are purged anyway",
						row.network().key(), id, e.getMessage());
			}
		}
		boolean wasRevoked = revoked;
		transactions.executeWithoutResult(s -> {
			vault.purge(workspace, id);
			records.delete(workspace, id);
			events.publishEvent(new ChannelDisconnected(workspace, who, id, row.network().key(), row.name(),
					wasRevoked, RequestOrigin.current()));
		});
	}

	public ChannelView addOwner(Membership membership, AuditActor who, ChannelId id, UserId owner) {
		requireManage(membership);
		WorkspaceId workspace = membership.workspaceId();
		ChannelRow row = row(workspace, id);
		workspaces.membership(workspace, owner).orElseThrow(() -> ChorusException.notFound("member"));
		transactions.executeWithoutResult(s -> {
			if (records.addOwner(workspace, id, owner)) {
				events.publishEvent(new ChannelOwnersChanged(workspace, who, id, row.network().key(), row.name(),
						email(owner), true, RequestOrigin.current()));
			}
		});
		return find(workspace, id);
	}

	public ChannelView removeOwner(Membership membership, AuditActor who, ChannelId id, UserId owner) {
		requireManage(membership);
		WorkspaceId workspace = membership.workspaceId();
		ChannelRow row = row(workspace, id);
		transactions.executeWithoutResult(s -> {
			if (!records.removeOwner(workspace, id, owner)) {
				throw ChorusException.notFound("owner");
			}
			events.publishEvent(new ChannelOwnersChanged(workspace, who, id, row.network().key(), row.name(),
					email(owner), false, RequestOrigin.current()));
		});
		return find(workspace, id);
	}

	/**
	 * Sets what a member or team may do with the channel; an empty set removes the grant. Once a channel has any
	 * grant, only its owners, those who manage channels, and the grantees may work with it.
	 */
	public List<GrantView> grant(Membership membership, AuditActor who, ChannelId id, @Nullable String granteeType,
			@Nullable UUID granteeId, Set<ChannelPermission> permissions) {
		requireManage(membership);
		WorkspaceId workspace = membership.workspaceId();
		ChannelRow row = row(workspace, id);
		String type = granteeType == null ? "" : granteeType.toLowerCase(Locale.ROOT);
		if (granteeId == null) {
			throw ChorusException.invalid("granteeId", "channel.grant.grantee-required");
		}
		String granteeName = switch (type) {
			case MEMBER -> workspaces.membership(workspace, new UserId(granteeId)).map(m -> email(m.userId()))
				.orElseThrow(() -> ChorusException.invalid("granteeId", "channel.grant.no-such-member"));
			case TEAM -> {
				if (!workspaces.teamExists(workspace, granteeId)) {
					throw ChorusException.invalid("granteeId", "channel.grant.no-such-team");
				}
				yield "team " + granteeId;
			}
			default -> throw ChorusException.invalid("granteeType", "channel.grant.type");
		};
		transactions.executeWithoutResult(s -> {
			if (permissions.isEmpty()) {
				records.removeGrant(workspace, id, type, granteeId);
			}
			else {
				records.putGrant(workspace, id, type, granteeId, permissions);
			}
			events.publishEvent(new ChannelGrantChanged(workspace, who, id, row.network().key(), row.name(),
					granteeName, permissions.stream().map(ChannelPermission::key).sorted()
						.reduce((a, b) -> a + "," + b).orElse(""),
					RequestOrigin.current()));
		});
		return grants(workspace, id);
	}

	/**
	 * Whether the member may do this with the channel: their role must allow it in the workspace; a channel without
	 * grants follows the roles alone; with grants, owners and those who manage channels still may, others only
	 * through a grant to them or to one of their teams.
	 */
	public boolean may(Membership membership, ChannelId id, ChannelPermission permission) {
		if (!membership.can(permission.workspacePermission())) {
			return false;
		}
		WorkspaceId workspace = membership.workspaceId();
		row(workspace, id);
		List<GrantRow> grants = records.grants(workspace, id);
		if (grants.isEmpty() || membership.can(Permission.CHANNELS_MANAGE)
				|| records.owners(workspace, id).contains(membership.userId())) {
			return true;
		}
		List<UUID> teams = workspaces.teamIdsOf(workspace, membership.userId());
		return grants.stream().anyMatch(g -> g.permissions().contains(permission)
				&& (g.granteeType().equals(MEMBER) && g.granteeId().equals(membership.userId().value())
						|| g.granteeType().equals(TEAM) && teams.contains(g.granteeId())));
	}

	/** The permissions the member has on the channel. */
	public Set<ChannelPermission> permissions(Membership membership, ChannelId id) {
		Set<ChannelPermission> granted = EnumSet.noneOf(ChannelPermission.class);
		for (ChannelPermission permission : ChannelPermission.values()) {
			if (may(membership, id, permission)) {
				granted.add(permission);
			}
		}
		return granted;
	}

	/**
	 * A session an adapter can use at once: credentials that expire within the refresh margin are renewed first.
	 * @throws ChannelPaused when the channel needs re-authorisation: its work waits for a person
	 * @throws NetworkUnavailable when a needed refresh could not reach the network (retry later)
	 */
	public ChannelSession session(WorkspaceId workspace, ChannelId id) {
		ChannelRow row = row(workspace, id);
		if (row.status() == ChannelStatus.NEEDS_REAUTHORIZATION) {
			throw new ChannelPaused(id);
		}
		if (dueForRefresh(row)) {
			return refresh(workspace, id);
		}
		return session(row, vault.load(workspace, id));
	}

	/**
	 * Renews the channel's credentials now, one refresh at a time per channel (the row is locked). A refusal counts
	 * towards re-authorisation.
	 */
	public ChannelSession refresh(WorkspaceId workspace, ChannelId id) {
		ChannelRow row = row(workspace, id);
		var refreshing = networks.capability(row.network(), SessionRefreshing.class);
		if (refreshing.isEmpty()) {
			return session(row, vault.load(workspace, id));
		}
		Instant asked = clock.instant();
		try {
			return transactions.execute(s -> {
				ChannelRow locked = records.lock(workspace, id).orElseThrow(() -> ChorusException.notFound("channel"));
				Credentials current = vault.load(workspace, id);
				if (locked.refreshedAt() != null && locked.refreshedAt().isAfter(asked)) {
					return session(locked, current); // renewed by someone else while this call waited for the lock
				}
				Credentials renewed = refreshing.get().refresh(session(locked, current));
				vault.store(workspace, id, renewed);
				records.credentialsRenewed(workspace, id, renewed.expiresAt(), clock.instant());
				return session(locked, renewed);
			});
		}
		catch (SessionRefreshing.ReauthorizationNeeded e) {
			authorizationFailed(workspace, id, e.getMessage());
			throw new ChannelPaused(id);
		}
		catch (NetworkUnavailable e) {
			records.lastError(workspace, id, e.getMessage());
			throw e;
		}
	}

	/**
	 * Counts a refusal of the channel's credentials (by a refresh, or by any call an adapter made). After
	 * {@code chorus.channels.failures-before-reauthorization} in a row the channel needs re-authorisation and its
	 * owners are told.
	 */
	public void authorizationFailed(WorkspaceId workspace, ChannelId id, String reason) {
		transactions.executeWithoutResult(s -> {
			ChannelRow row = row(workspace, id);
			int failures = records.authorizationFailed(workspace, id, reason);
			if (failures >= failuresBeforeReauthorization && records.needsReauthorization(workspace, id)) {
				events.publishEvent(new ChannelNeedsReauthorization(workspace, AuditActor.system(), id,
						row.network().key(), row.name(), reason, failures, RequestOrigin.internal()));
			}
		});
	}

	/** The channels across workspaces whose credentials should be renewed now. */
	List<ChannelRow> expiring(int limit) {
		return records.expiringBefore(clock.instant().plus(refreshAhead), limit);
	}

	/** A member left the workspace: they own nothing there and their grants go. */
	void memberLeft(WorkspaceId workspace, UserId user) {
		transactions.executeWithoutResult(s -> {
			records.removeOwnerEverywhere(workspace, user);
			records.removeGrantee(workspace, MEMBER, user.value());
		});
	}

	/** The owners to tell about the channel, with where to reach them. */
	List<UserAccount> ownerAccounts(WorkspaceId workspace, ChannelId id) {
		return identity.findAll(records.owners(workspace, id));
	}

	private boolean dueForRefresh(ChannelRow row) {
		return row.tokenExpiresAt() != null && row.tokenExpiresAt().isBefore(clock.instant().plus(refreshAhead));
	}

	private ChannelRow row(WorkspaceId workspace, ChannelId id) {
		return records.find(workspace, id).orElseThrow(() -> ChorusException.notFound("channel"));
	}

	private ChannelView view(ChannelRow row) {
		return view(row, records.owners(row.workspaceId(), row.id()));
	}

	private ChannelView view(ChannelRow row, List<UserId> ownerIds) {
		List<ChannelView.Owner> owners = new ArrayList<>();
		for (UserAccount account : identity.findAll(ownerIds)) {
			owners.add(new ChannelView.Owner(account.id(), account.email(), account.displayName()));
		}
		return new ChannelView(row.id(), row.workspaceId(), row.network(), row.name(), row.accountId(), row.handle(),
				row.displayName(), row.avatarUrl(), row.endpoint(), row.status(), List.copyOf(owners),
				row.connectedAt(), row.tokenExpiresAt(), row.lastError());
	}

	private GrantView grantView(WorkspaceId workspace, GrantRow grant) {
		String name = grant.granteeType().equals(MEMBER) ? email(new UserId(grant.granteeId()))
				: workspaces.teamName(workspace, grant.granteeId()).orElse(grant.granteeId().toString());
		return new GrantView(grant.granteeType(), grant.granteeId(), name, grant.permissions());
	}

	private static ChannelSession session(ChannelRow row, Credentials credentials) {
		return new ChannelSession(row.id().value(), row.endpoint(), row.accountId(), row.handle(), credentials,
				row.settings());
	}

	private String email(UserId user) {
		return identity.find(user).map(UserAccount::email).orElse(user.toString());
	}

	private static void requireManage(Membership membership) {
		if (!membership.can(Permission.CHANNELS_MANAGE)) {
			throw ChorusException.forbidden("error.forbidden");
		}
	}

	private static String required(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw ChorusException.invalid(field, "channel.field.required");
		}
		return value.strip();
	}

	private static String checkUrl(String field, String value) {
		try {
			URI uri = URI.create(value.strip());
			if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
				return value.strip();
			}
		}
		catch (IllegalArgumentException e) {
			// falls through to the error below
		}
		throw ChorusException.invalid(field, "channel.field.url");
	}

	private static String clip(String name) {
		return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
	}
}
