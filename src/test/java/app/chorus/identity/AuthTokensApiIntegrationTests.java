package app.chorus.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.chorus.identity.internal.TokenService;
import app.chorus.identity.internal.Totp;
import app.chorus.identity.internal.TwoFactorService;
import app.chorus.support.Api;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;

/** Obtaining an API token without a browser, and what a token may then do. */
@ChorusIntegrationTest
class AuthTokensApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	TwoFactorService twoFactor;

	@Autowired
	JdbcClient jdbc;

	@Test
	void credentialsBuyATokenThatNamesTheCallerAndTheirWorkspace() {
		Api api = new Api(port);
		Membership workspace = world.workspace("tokens");
		UserAccount owner = world.owner(workspace);

		Api.Response created = api.post("/api/v1/auth/tokens", null, Map.of("email", owner.email(), "password",
				TestWorld.PASSWORD, "name", "ci", "scopes", List.of("read", "write", "admin")));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).startsWith("/api/v1/tokens/");
		String token = created.json().get("token").asString();
		assertThat(token).startsWith("chorus_");
		assertThat(created.json().get("expiresAt").asString()).isNotBlank();
		Api.Response me = api.get("/api/v1/me", token);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("email").asString()).isEqualTo(owner.email());
		assertThat(me.json().get("workspace").get("id").asString())
			.isEqualTo(workspace.workspaceId().value().toString());
		assertThat(me.json().get("workspaceId").asString()).isEqualTo(workspace.workspaceId().value().toString());
		assertThat(me.json().get("workspace").get("role").asString()).isEqualTo("owner");
	}

	@Test
	void wrongPasswordAndUnknownAddressGetTheSame401ProblemInTheCallersLanguage() {
		Api api = new Api(port);
		UserAccount person = world.member(world.workspace("wrong"), "person", app.chorus.workspace.Role.VIEWER);

		Api.Response wrongPassword = api.post("/api/v1/auth/tokens", null,
				Map.of("email", person.email(), "password", "not the password"));
		Api.Response unknown = api.post("/api/v1/auth/tokens", null,
				Map.of("email", TestWorld.uniqueEmail("nobody"), "password", "not the password"));

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(wrongPassword.header("Content-Type")).startsWith("application/problem+json");
		assertThat(wrongPassword.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString());
		assertThat(wrongPassword.json().get("type").asString()).isEqualTo(unknown.json().get("type").asString());
	}

	@Test
	void withTwoFactorOnACurrentCodeIsNeeded() {
		Api api = new Api(port);
		Membership workspace = world.workspace("otp");
		UserAccount owner = world.owner(workspace);
		TwoFactorService.Offer offer = twoFactor.offer(owner, "Chorus");
		twoFactor.confirm(owner, offer.secret(), Totp.code(offer.secret(), Instant.now()));

		Api.Response withoutCode = api.post("/api/v1/auth/tokens", null,
				Map.of("email", owner.email(), "password", TestWorld.PASSWORD));
		Api.Response wrongCode = api.post("/api/v1/auth/tokens", null,
				Map.of("email", owner.email(), "password", TestWorld.PASSWORD, "otp", "000000"));
		// the enrolment spent the current step's code; the next step's code is the one an app shows next
		String next = Totp.code(offer.secret(), Instant.now().plusSeconds(30));
		Api.Response withCode = api.post("/api/v1/auth/tokens", null,
				Map.of("email", owner.email(), "password", TestWorld.PASSWORD, "otp", next));

		assertThat(withoutCode.status()).isEqualTo(401);
		assertThat(withoutCode.json().get("errors").get(0).get("field").asString()).isEqualTo("otp");
		assertThat(wrongCode.status()).isEqualTo(401);
		assertThat(withCode.status()).isEqualTo(201);
	}

	@Test
	void aReadTokenCannotChangeAnythingAndARevokedTokenStopsWorking() {
		Api api = new Api(port);
		Membership workspace = world.workspace("scopes");
		UserAccount owner = world.owner(workspace);
		String readOnly = world.token(owner, workspace, TokenScope.READ);

		assertThat(api.get("/api/v1/members", readOnly).status()).isEqualTo(200);
		Api.Response write = api.post("/api/v1/teams", readOnly, Map.of("name", "Night shift"));
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.header("Content-Type")).startsWith("application/problem+json");

		String tokenId = api.get("/api/v1/tokens", readOnly).json().get("items").get(0).get("id").asString();
		String admin = world.token(owner, workspace);
		assertThat(api.delete("/api/v1/tokens/" + tokenId, admin).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", readOnly).status()).isEqualTo(401);
	}

	@Test
	void aTokenListShowsNoSecretAndTheLastUse() {
		Api api = new Api(port);
		Membership workspace = world.workspace("list");
		UserAccount owner = world.owner(workspace);
		String token = world.token(owner, workspace);

		api.get("/api/v1/me", token);
		Api.Response list = api.get("/api/v1/tokens", token);

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.raw().body()).doesNotContain(token);
		assertThat(list.json().get("items").get(0).get("lastUsedAt").isNull()).isFalse();
	}

	@Test
	void anExpiredTokenIs401() {
		Api api = new Api(port);
		Membership workspace = world.workspace("expiry");
		String token = world.token(world.owner(workspace), workspace);
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);

		jdbc.sql("update identity.api_tokens set expires_at = now() - interval '1 second' where prefix = ?")
			.param(token.substring(0, TokenService.PREFIX.length() + 6)).update();

		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
	}

	@Test
	void noTokenOrAnUnknownOneIs401() {
		Api api = new Api(port);
		assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
		Api.Response unknown = api.get("/api/v1/me", "chorus_not-a-real-token");
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.header("WWW-Authenticate")).isEqualTo("Bearer");
	}
}
