package app.chorus.support;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.chorus.identity.IdentityManagement;
import app.chorus.identity.TokenScope;
import app.chorus.identity.UserAccount;
import app.chorus.identity.internal.TokenService;
import app.chorus.shared.audit.AuditActor;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import app.chorus.workspace.internal.WorkspaceService;

/**
 * Builds what a test needs through the modules' own services: people, workspaces of their own, memberships and API
 * tokens. Every e-mail address and workspace name is unique, so tests never collide.
 */
@Component
public class TestWorld {

	public static final String PASSWORD = "correct horse battery";

	private final IdentityManagement identity;
	private final WorkspaceService workspaces;
	private final TokenService tokens;

	TestWorld(IdentityManagement identity, WorkspaceService workspaces, TokenService tokens) {
		this.identity = identity;
		this.workspaces = workspaces;
		this.tokens = tokens;
	}

	public static String uniqueEmail(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	public UserAccount person(String who) {
		return identity.createAccount(uniqueEmail(who), who, PASSWORD, Locale.ENGLISH, ZoneId.of("UTC"), null);
	}

	/** A new workspace owned by a new person. */
	public Membership workspace(String name) {
		UserAccount owner = person(name + "-owner");
		return workspaces.create(name + " " + UUID.randomUUID().toString().substring(0, 6), ZoneId.of("UTC"), owner);
	}

	public UserAccount owner(Membership membership) {
		return identity.find(membership.userId()).orElseThrow();
	}

	/** A new person who is a member of the workspace with the role. */
	public UserAccount member(Membership workspace, String who, Role role) {
		UserAccount person = person(who);
		workspaces.addMember(workspace.workspaceId(), person, role, AuditActor.system());
		return person;
	}

	/** Adds an existing person to another workspace. */
	public void addMember(Membership workspace, UserAccount person, Role role) {
		workspaces.addMember(workspace.workspaceId(), person, role, AuditActor.system());
	}

	/** Turns on the workspace's two-factor requirement (as its owner would, after enrolling). */
	public void requireTwoFactor(Membership workspace) {
		workspaces.updateSettings(workspace.workspaceId(), null, null, true, AuditActor.system());
	}

	/** An API token for the person in the workspace, with every scope. */
	public String token(UserAccount person, Membership workspace) {
		return tokens.issue(person, workspace.workspaceId(), "test", Set.of(TokenScope.values()), null).token();
	}

	public String token(UserAccount person, Membership workspace, TokenScope... scopes) {
		return tokens.issue(person, workspace.workspaceId(), "test", Set.of(scopes), null).token();
	}
}
