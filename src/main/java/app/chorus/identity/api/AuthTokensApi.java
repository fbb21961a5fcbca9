package app.chorus.identity.api;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.identity.ChorusPrincipal;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.TokenScope;
import app.chorus.identity.UserAccount;
import app.chorus.identity.WorkspaceDirectory;
import app.chorus.identity.internal.AccountService;
import app.chorus.identity.internal.LoginOutcome;
import app.chorus.identity.internal.SignIn;
import app.chorus.identity.internal.TokenService;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Personal API tokens over the API. A token is obtained without a browser by posting e-mail, password and (when
 * two-factor sign-in is on) the current code; it then lists and revokes the caller's tokens.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tokens", description = "Personal API tokens")
class AuthTokensApi {

	private final SignIn signIn;
	private final AccountService accounts;
	private final TokenService tokens;
	private final WorkspaceDirectory workspaces;
	private final CurrentUser currentUser;

	AuthTokensApi(SignIn signIn, AccountService accounts, TokenService tokens, WorkspaceDirectory workspaces,
			CurrentUser currentUser) {
		this.signIn = signIn;
		this.accounts = accounts;
		this.tokens = tokens;
		this.workspaces = workspaces;
		this.currentUser = currentUser;
	}

	record CreateTokenRequest(@Nullable String email, @Nullable String password, @Nullable String otp,
			@Nullable String name, @Nullable List<String> scopes, @Nullable Instant expiresAt,
			@Nullable UUID workspaceId) {
	}

	record CreatedToken(String token, UUID id, String name, List<String> scopes, UUID workspaceId,
			Instant expiresAt) {
	}

	record TokenResource(UUID id, String name, String prefix, List<String> scopes, Instant createdAt,
			Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
	}

	record TokenList(List<TokenResource> items) {
	}

	@Operation(summary = "Exchange e-mail, password and (with 2FA) a code for a new personal API token")
	@PostMapping("/auth/tokens")
	ResponseEntity<CreatedToken> create(@RequestBody CreateTokenRequest body, HttpServletRequest request) {
		RequestOrigin origin = RequestOrigin.of(request);
		LoginOutcome outcome = signIn.checkPassword(nullToEmpty(body.email()), nullToEmpty(body.password()), origin);
		UserAccount account = switch (outcome) {
			case LoginOutcome.SignedIn(UserAccount a) -> a;
			case LoginOutcome.SecondFactorNeeded(UserAccount a) -> {
				if (body.otp() == null || body.otp().isBlank()) {
					throw new ChorusException(HttpStatus.UNAUTHORIZED, "login.code-required", "otp");
				}
				if (signIn.checkSecondFactor(a.id(), body.otp(), origin).isEmpty()) {
					throw new ChorusException(HttpStatus.UNAUTHORIZED, "login.code-wrong", "otp");
				}
				yield a;
			}
			case LoginOutcome.Refused() -> throw new ChorusException(HttpStatus.UNAUTHORIZED, "login.failed", null);
			case LoginOutcome.Throttled() ->
				throw new ChorusException(HttpStatus.TOO_MANY_REQUESTS, "login.throttled", null);
		};
		WorkspaceId workspace = body.workspaceId() == null
				? workspaces.defaultWorkspace(account.id()).orElseThrow(() -> ChorusException.notFound("workspace"))
				: Optional.of(new WorkspaceId(body.workspaceId()))
					.filter(w -> workspaces.isMember(account.id(), w))
					.orElseThrow(() -> ChorusException.notFound("workspace"));
		if (workspaces.requiresTwoFactor(workspace) && !account.twoFactorEnabled()) {
			throw ChorusException.forbidden("workspace.two-factor-required");
		}
		Set<TokenScope> scopes = parseScopes(body.scopes());
		TokenService.IssuedToken issued = tokens.issue(account, workspace,
				body.name() == null ? "API token" : body.name(), scopes, body.expiresAt());
		CreatedToken created = new CreatedToken(issued.token(), issued.view().id(), issued.view().name(),
				keys(issued.view().scopes()), workspace.value(), issued.view().expiresAt());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.view().id())).body(created);
	}

	@Operation(summary = "The caller's tokens in the token's workspace (never the secrets)")
	@GetMapping("/tokens")
	TokenList list() {
		ChorusPrincipal principal = currentUser.requirePrincipal();
		return new TokenList(tokens.list(principal.userId(), tokenWorkspace(principal)).stream()
			.map(t -> new TokenResource(t.id(), t.name(), t.prefix(), keys(t.scopes()), t.createdAt(),
					t.expiresAt(), t.lastUsedAt(), t.revokedAt()))
			.toList());
	}

	@Operation(summary = "Revoke one of the caller's tokens")
	@DeleteMapping("/tokens/{id}")
	ResponseEntity<Void> revoke(@PathVariable UUID id) {
		ChorusPrincipal principal = currentUser.requirePrincipal();
		tokens.revoke(currentUser.require(), tokenWorkspace(principal), id);
		return ResponseEntity.noContent().build();
	}

	private static WorkspaceId tokenWorkspace(ChorusPrincipal principal) {
		if (principal.tokenWorkspace() == null) {
			throw ChorusException.notFound("workspace");
		}
		return principal.tokenWorkspace();
	}

	private static Set<TokenScope> parseScopes(@Nullable List<String> requested) {
		if (requested == null || requested.isEmpty()) {
			return EnumSet.of(TokenScope.READ);
		}
		Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
		for (String key : requested) {
			scopes.add(TokenScope.fromKey(key)
				.orElseThrow(() -> ChorusException.invalid("scopes", "token.scopes.unknown", key)));
		}
		return scopes;
	}

	private static List<String> keys(Set<TokenScope> scopes) {
		return scopes.stream().map(TokenScope::key).sorted().toList();
	}

	private static String nullToEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}
}
