package app.chorus.workspace.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.chorus.identity.IdentityManagement;
import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.MemberJoined;
import app.chorus.workspace.MemberRemoved;
import app.chorus.workspace.MemberRoleChanged;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import app.chorus.workspace.WorkspaceCreated;
import app.chorus.workspace.WorkspaceSettingsChanged;

/** Workspaces, their settings and their members: creating, first-run setup, roles and offboarding. */
@Service
public class WorkspaceService {

	/** The answer to a first-run setup once any account exists. */
	static final String SETUP_ALREADY_DONE = "setup.already-done";

	static final int MAX_NAME = 100;
	private static final long SETUP_LOCK = 0x43686f7275730001L;

	private final Workspaces workspaces;
	private final Teams teams;
	private final IdentityManagement identity;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	WorkspaceService(Workspaces workspaces, Teams teams, IdentityManagement identity, JdbcClient jdbc, Clock clock,
			ApplicationEventPublisher events) {
		this.workspaces = workspaces;
		this.teams = teams;
		this.identity = identity;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	public record WorkspaceView(WorkspaceId id, String name, ZoneId timeZone, boolean requireTwoFactor,
			Instant createdAt) {
	}

	public record MemberView(UserAccount account, Role role, Instant joinedAt, List<String> teams) {
	}

	/**
	 * First run: the owner's account and the first workspace, in one transaction, and only while Chorus has no
	 * account at all (a second, simultaneous setup finds one and is refused).
	 */
	@Transactional
	public Membership setUp(String workspaceName, String ownerName, String email, String password, Locale locale,
			ZoneId zone) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(SETUP_LOCK).query(Object.class).optional();
		if (identity.anyAccount()) {
			throw ChorusException.conflict(null, SETUP_ALREADY_DONE);
		}
		String name = checkName(workspaceName);
		UserAccount owner = identity.createAccount(email, ownerName, password, locale, zone, null);
		return create(name, zone, owner);
	}

	/** A new workspace with the person as its owner. */
	@Transactional
	public Membership create(String workspaceName, ZoneId zone, UserAccount owner) {
		String name = checkName(workspaceName);
		WorkspaceId id = WorkspaceId.next();
		Instant now = clock.instant();
		workspaces.insert(new Workspaces.WorkspaceRow(id, name, zone, false, now));
		workspaces.addMember(id, owner.id(), Role.OWNER, now);
		AuditActor actor = AuditActor.user(owner.id(), owner.email());
		RequestOrigin origin = RequestOrigin.current();
		events.publishEvent(new WorkspaceCreated(id, actor, name, origin));
		events.publishEvent(new MemberJoined(id, actor, owner.id(), owner.email(), Role.OWNER, origin));
		return new Membership(id, name, owner.id(), Role.OWNER);
	}

	public Optional<WorkspaceView> find(WorkspaceId id) {
		return workspaces.find(id).map(WorkspaceService::view);
	}

	public Optional<Membership> membership(WorkspaceId workspace, UserId user) {
		return workspaces.membership(workspace, user);
	}

	public List<Membership> membershipsOf(UserId user) {
		return workspaces.membershipsOf(user);
	}

	public List<MemberView> members(WorkspaceId workspace) {
		List<Workspaces.MemberRow> rows = workspaces.members(workspace);
		Map<UserId, UserAccount> accounts = identity.findAll(rows.stream().map(Workspaces.MemberRow::userId).toList())
			.stream().collect(Collectors.toMap(UserAccount::id, Function.identity()));
		return rows.stream().filter(row -> accounts.containsKey(row.userId()))
			.map(row -> new MemberView(accounts.get(row.userId()), row.role(), row.joinedAt(),
					teams.teamNamesOf(workspace, row.userId())))
			.toList();
	}

	public Optional<MemberView> member(WorkspaceId workspace, UserId user) {
		return members(workspace).stream().filter(v -> v.account().id().equals(user)).findFirst();
	}

	/** Changes a member's role; the last owner stays an owner, and only owners touch the owner role. */
	@Transactional
	public void changeRole(Membership actor, UserId member, Role role, AuditActor who) {
		workspaces.lock(actor.workspaceId());
		Membership target = workspaces.membership(actor.workspaceId(), member)
			.orElseThrow(() -> ChorusException.notFound("member"));
		if (!actor.role().mayAssign(role) || !actor.role().mayAssign(target.role())) {
			throw ChorusException.forbidden("member.role.not-allowed");
		}
		if (target.role() == role) {
			return;
		}
		if (target.role() == Role.OWNER && workspaces.countWithRole(actor.workspaceId(), Role.OWNER) == 1) {
			throw ChorusException.invalid("role", "member.last-owner");
		}
		workspaces.changeRole(actor.workspaceId(), member, role);
		String email = identity.find(member).map(UserAccount::email).orElse(member.toString());
		events.publishEvent(new MemberRoleChanged(actor.workspaceId(), who, member, email, target.role(), role,
				RequestOrigin.current()));
	}

	/**
	 * Offboarding in one step: the membership (and team places) go, every sign-in session of the person ends, and every
	 * API token they hold for this workspace is revoked, all in the same transaction.
	 */
	@Transactional
	public void removeMember(Membership actor, UserId member, AuditActor who) {
		workspaces.lock(actor.workspaceId());
		Membership target = workspaces.membership(actor.workspaceId(), member)
			.orElseThrow(() -> ChorusException.notFound("member"));
		boolean self = actor.userId().equals(member);
		if (!self && !actor.role().mayAssign(target.role())) {
			throw ChorusException.forbidden("member.remove.not-allowed");
		}
		if (target.role() == Role.OWNER && workspaces.countWithRole(actor.workspaceId(), Role.OWNER) == 1) {
			throw ChorusException.invalid("member", "member.last-owner");
		}
		workspaces.removeMember(actor.workspaceId(), member);
		int sessions = identity.endAllSessions(member, "member-removed", who);
		int tokens = identity.revokeTokens(member, actor.workspaceId(), "member-removed", who);
		String email = identity.find(member).map(UserAccount::email).orElse(member.toString());
		events.publishEvent(new MemberRemoved(actor.workspaceId(), who, member, email, sessions, tokens,
				RequestOrigin.current()));
	}

	/** Adds a person with a role (an accepted invitation). */
	@Transactional
	public void addMember(WorkspaceId workspace, UserAccount account, Role role, AuditActor who) {
		if (workspaces.membership(workspace, account.id()).isPresent()) {
			return;
		}
		workspaces.addMember(workspace, account.id(), role, clock.instant());
		events.publishEvent(new MemberJoined(workspace, who, account.id(), account.email(), role,
				RequestOrigin.current()));
	}

	/** Changes name, time zone and the two-factor requirement, auditing each change. */
	@Transactional
	public WorkspaceView updateSettings(WorkspaceId id, @Nullable String name, @Nullable ZoneId zone,
			@Nullable Boolean requireTwoFactor, AuditActor who) {
		Workspaces.WorkspaceRow row = workspaces.find(id).orElseThrow(() -> ChorusException.notFound("workspace"));
		String newName = name == null ? row.name() : checkName(name);
		ZoneId newZone = zone == null ? row.timeZone() : zone;
		boolean newTwoFactor = requireTwoFactor == null ? row.requireTwoFactor() : requireTwoFactor;
		Workspaces.WorkspaceRow updated = new Workspaces.WorkspaceRow(id, newName, newZone, newTwoFactor,
				row.createdAt());
		workspaces.update(updated);
		RequestOrigin origin = RequestOrigin.current();
		if (!newName.equals(row.name())) {
			events.publishEvent(new WorkspaceSettingsChanged(id, who, "name", row.name(), newName, origin));
		}
		if (!newZone.equals(row.timeZone())) {
			events.publishEvent(new WorkspaceSettingsChanged(id, who, "time-zone", row.timeZone().getId(),
					newZone.getId(), origin));
		}
		if (newTwoFactor != row.requireTwoFactor()) {
			events.publishEvent(new WorkspaceSettingsChanged(id, who, "require-two-factor",
					String.valueOf(row.requireTwoFactor()), String.valueOf(newTwoFactor), origin));
		}
		return view(updated);
	}

	private static String checkName(String name) {
		String stripped = name.strip();
		if (stripped.isEmpty()) {
			throw ChorusException.invalid("workspaceName", "workspace.name.required");
		}
		if (stripped.length() > MAX_NAME) {
			throw ChorusException.invalid("workspaceName", "workspace.name.too-long", MAX_NAME);
		}
		return stripped;
	}

	private static WorkspaceView view(Workspaces.WorkspaceRow row) {
		return new WorkspaceView(row.id(), row.name(), row.timeZone(), row.requireTwoFactor(), row.createdAt());
	}
}
