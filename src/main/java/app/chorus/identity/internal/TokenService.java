package app.chorus.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.chorus.identity.ApiTokenCreated;
import app.chorus.identity.ApiTokenRevoked;
import app.chorus.identity.ChorusPrincipal;
import app.chorus.identity.TokenScope;
import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.security.SecretToken;
import app.chorus.shared.web.ChorusException;

/** Personal API tokens: made for one workspace, scoped, expiring, revocable, shown once. */
@Service
public class TokenService {

	/** Every token starts with this, so secret scanners can find leaked ones. */
	public static final String PREFIX = "chorus_";
	static final int MAX_NAME = 100;

	private final ApiTokens tokens;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final Duration defaultLifetime;
	private final Duration maxLifetime;

	TokenService(ApiTokens tokens, Clock clock, ApplicationEventPublisher events,
			@Value("${chorus.security.token.default-lifetime}") Duration defaultLifetime,
			@Value("${chorus.security.token.max-lifetime}") Duration maxLifetime) {
		this.tokens = tokens;
		this.clock = clock;
		this.events = events;
		this.defaultLifetime = defaultLifetime;
		this.maxLifetime = maxLifetime;
	}

	/** A token as its owner sees it in lists: never the secret. */
	public record TokenView(UUID id, String name, String prefix, Set<TokenScope> scopes, Instant createdAt,
			Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

		public boolean active(Instant now) {
			return revokedAt == null && expiresAt.isAfter(now);
		}
	}

	/** A new token: the secret is in {@code token} and nowhere else, ever. */
	public record IssuedToken(String token, TokenView view) {
	}

	@Transactional
	public IssuedToken issue(UserAccount owner, WorkspaceId workspace, String name, Set<TokenScope> scopes,
			@Nullable Instant expiresAt) {
		String label = name.strip();
		if (label.isEmpty()) {
			throw ChorusException.invalid("name", "token.name.required");
		}
		if (label.length() > MAX_NAME) {
			throw ChorusException.invalid("name", "token.name.too-long", MAX_NAME);
		}
		if (scopes.isEmpty()) {
			throw ChorusException.invalid("scopes", "token.scopes.required");
		}
		Instant now = clock.instant();
		Instant expiry = expiresAt == null ? now.plus(defaultLifetime) : expiresAt;
		if (!expiry.isAfter(now)) {
			throw ChorusException.invalid("expiresAt", "token.expiry.past");
		}
		if (expiry.isAfter(now.plus(maxLifetime))) {
			throw ChorusException.invalid("expiresAt", "token.expiry.too-far", maxLifetime.toDays());
		}
		SecretToken secret = SecretToken.generate(PREFIX);
		ApiTokens.TokenRow row = new ApiTokens.TokenRow(Ids.next(), owner.id(), workspace, label,
				secret.value().substring(0, PREFIX.length() + 6), EnumSet.copyOf(scopes), now, expiry, null, null);
		tokens.insert(row, secret.hash());
		events.publishEvent(new ApiTokenCreated(owner.id(), owner.email(), workspace, label,
				scopes.stream().map(TokenScope::key).sorted().collect(Collectors.joining(",")), expiry.toString(),
				RequestOrigin.current()));
		return new IssuedToken(secret.value(), view(row));
	}

	/**
	 * The principal for a presented bearer token, when the token is live. Its use is recorded when the last record is
	 * older than a minute: on every other call, one read and no transaction (this runs before every API request).
	 */
	public Optional<ChorusPrincipal> authenticate(String bearer) {
		if (!bearer.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return tokens.valid(SecretToken.hash(bearer), now).map(row -> {
			if (ApiTokens.touchDue(row, now)) {
				tokens.touch(row.id(), now);
			}
			return ChorusPrincipal.token(row.userId(), row.id(), row.workspaceId(), row.scopes());
		});
	}

	public List<TokenView> list(UserId owner, WorkspaceId workspace) {
		return tokens.of(owner, workspace).stream().map(TokenService::view).toList();
	}

	/** Revokes one of the owner's tokens in this workspace; someone else's id is not found. */
	@Transactional
	public void revoke(UserAccount owner, WorkspaceId workspace, UUID id) {
		ApiTokens.TokenRow row = tokens.find(id, owner.id(), workspace)
			.orElseThrow(() -> ChorusException.notFound("token"));
		if (tokens.revoke(id, "revoked", clock.instant())) {
			events.publishEvent(new ApiTokenRevoked(owner.id(), workspace, row.name(),
					AuditActor.user(owner.id(), owner.email()), "revoked", RequestOrigin.current()));
		}
	}

	/** Revokes every token the person holds for the workspace (they left it, or were removed). */
	@Transactional
	public int revokeAll(UserId user, WorkspaceId workspace, String reason, AuditActor actor) {
		List<ApiTokens.TokenRow> revoked = tokens.revokeAll(user, workspace, reason, clock.instant());
		RequestOrigin origin = RequestOrigin.current();
		revoked.forEach(row -> events.publishEvent(new ApiTokenRevoked(user, workspace, row.name(), actor, reason,
				origin)));
		return revoked.size();
	}

	private static TokenView view(ApiTokens.TokenRow row) {
		return new TokenView(row.id(), row.name(), row.prefix(), row.scopes(), row.createdAt(), row.expiresAt(),
				row.lastUsedAt(), row.revokedAt());
	}
}
