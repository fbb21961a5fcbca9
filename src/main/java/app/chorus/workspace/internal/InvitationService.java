package app.chorus.workspace.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.chorus.identity.IdentityManagement;
import app.chorus.identity.UserAccount;
import app.chorus.notifications.EmailNotifications;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.security.SecretToken;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.InvitationCreated;
import app.chorus.workspace.InvitationRevoked;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;

/**
 * Invitations: a link, good for seven days and for the invited address only, that makes its holder a member with the
 * role chosen. Sent by e-mail when SMTP is configured; always shown once so it can be handed over another way.
 */
@Service
public class InvitationService {

	static final Duration LIFETIME = Duration.ofDays(7);

	private final Invitations invitations;
	private final WorkspaceService workspaces;
	private final IdentityManagement identity;
	private final EmailNotifications email;
	private final MessageSource messages;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final String baseUrl;

	InvitationService(Invitations invitations, WorkspaceService workspaces, IdentityManagement identity,
			EmailNotifications email, MessageSource messages, Clock clock, ApplicationEventPublisher events,
			@Value("${chorus.base-url}") String baseUrl) {
		this.invitations = invitations;
		this.workspaces = workspaces;
		this.identity = identity;
		this.email = email;
		this.messages = messages;
		this.clock = clock;
		this.events = events;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	public record InvitationView(UUID id, String email, Role role, Instant createdAt, Instant expiresAt,
			String status) {
	}

	/** A new invitation: its link (shown once) and whether it also went out by e-mail. */
	public record IssuedInvitation(InvitationView invitation, String link, boolean emailed) {
	}

	/** What the holder of a link sees before accepting. */
	public record PendingInvitation(UUID id, WorkspaceId workspaceId, String workspaceName, String email, Role role) {
	}

	public boolean emailEnabled() {
		return email.enabled();
	}

	@Transactional
	public IssuedInvitation invite(Membership inviter, UserAccount inviterAccount, String address, Role role) {
		String normal = address.strip().toLowerCase(Locale.ROOT);
		if (!normal.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || normal.length() > 254) {
			throw ChorusException.invalid("email", "account.email.invalid");
		}
		if (!inviter.role().mayAssign(role)) {
			throw ChorusException.forbidden("member.role.not-allowed");
		}
		boolean alreadyMember = identity.findByEmail(normal)
			.flatMap(account -> workspaces.membership(inviter.workspaceId(), account.id())).isPresent();
		if (alreadyMember) {
			throw ChorusException.conflict("email", "invitation.already-member");
		}
		Instant now = clock.instant();
		if (invitations.hasOpen(inviter.workspaceId(), normal, now)) {
			throw ChorusException.conflict("email", "invitation.already-open");
		}
		SecretToken token = SecretToken.generate("");
		Invitations.InvitationRow row = new Invitations.InvitationRow(Ids.next(), inviter.workspaceId(), normal, role,
				inviterAccount.id(), now, now.plus(LIFETIME), null, null);
		invitations.insert(row, token.hash());
		String link = baseUrl + "/invitations/accept/" + token.value();
		boolean emailed = false;
		if (email.enabled()) {
			Locale locale = inviterAccount.locale();
			try {
				email.send(normal,
						messages.getMessage("invitation.mail.subject", new Object[] { inviter.workspaceName() }, locale),
						messages.getMessage("invitation.mail.body", new Object[] { inviterAccount.displayName(),
								inviter.workspaceName(), messages.getMessage("role." + role.key(), null, locale), link,
								LIFETIME.toDays() }, locale));
				emailed = true;
			}
			catch (EmailNotifications.EmailNotSentException e) {
				// The invitation stands; the inviter is shown the link and told the mail did not go out.
				emailed = false;
			}
		}
		events.publishEvent(new InvitationCreated(inviter.workspaceId(),
				AuditActor.user(inviterAccount.id(), inviterAccount.email()), normal, role, emailed,
				RequestOrigin.current()));
		return new IssuedInvitation(view(row), link, emailed);
	}

	public List<InvitationView> all(WorkspaceId workspace) {
		return invitations.all(workspace).stream().map(this::view).toList();
	}

	public InvitationView find(WorkspaceId workspace, UUID id) {
		return invitations.find(workspace, id).map(this::view)
			.orElseThrow(() -> ChorusException.notFound("invitation"));
	}

	@Transactional
	public void revoke(WorkspaceId workspace, UUID id, AuditActor who) {
		Invitations.InvitationRow row = invitations.find(workspace, id)
			.orElseThrow(() -> ChorusException.notFound("invitation"));
		if (invitations.revoke(workspace, id, clock.instant())) {
			events.publishEvent(new InvitationRevoked(workspace, who, row.email(), RequestOrigin.current()));
		}
	}

	/** The invitation behind a link, while it can still be accepted. */
	public PendingInvitation pending(String token) {
		Invitations.InvitationRow row = invitations.byToken(SecretToken.hash(token))
			.filter(r -> r.open(clock.instant()))
			.orElseThrow(() -> ChorusException.notFound("invitation"));
		String name = workspaces.find(row.workspaceId()).map(WorkspaceService.WorkspaceView::name).orElse("");
		return new PendingInvitation(row.id(), row.workspaceId(), name, row.email(), row.role());
	}

	/** Accepts for a signed-in person, whose address must be the invited one. */
	@Transactional
	public WorkspaceId accept(String token, UserAccount account) {
		PendingInvitation invitation = pending(token);
		if (!invitation.email().equals(account.email())) {
			throw ChorusException.forbidden("invitation.other-address");
		}
		if (!invitations.accept(invitation.id(), account.id(), clock.instant())) {
			throw ChorusException.notFound("invitation");
		}
		workspaces.addMember(invitation.workspaceId(), account, invitation.role(),
				AuditActor.user(account.id(), account.email()));
		return invitation.workspaceId();
	}

	/** Accepts for someone new: makes their account for the invited address and the membership together. */
	@Transactional
	public UserAccount acceptAsNewAccount(String token, String displayName, String password, Locale locale,
			@Nullable ZoneId zone) {
		PendingInvitation invitation = pending(token);
		UserAccount account = identity.createAccount(invitation.email(), displayName, password, locale,
				zone == null ? ZoneId.of("UTC") : zone, null);
		accept(token, account);
		return account;
	}

	private InvitationView view(Invitations.InvitationRow row) {
		Instant now = clock.instant();
		String status = row.acceptedAt() != null ? "accepted"
				: row.revokedAt() != null ? "revoked" : row.expiresAt().isAfter(now) ? "open" : "expired";
		return new InvitationView(row.id(), row.email(), row.role(), row.createdAt(), row.expiresAt(), status);
	}
}
