package app.chorus.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.chorus.identity.internal.Totp;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.support.WebClient;
import app.chorus.workspace.Membership;

/** Enrolling an authenticator through the pages, and signing in with a code or a recovery code (once). */
@ChorusIntegrationTest
class TwoFactorIntegrationTests {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");
	private static final Pattern CODE = Pattern.compile("<code>([0-9a-f]{5}-[0-9a-f]{5})</code>");

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	JdbcClient jdbc;

	@Test
	void enrolThenSignInWithARecoveryCodeThatWorksOnlyOnce() {
		Membership workspace = world.workspace("2fa");
		UserAccount owner = world.owner(workspace);
		WebClient browser = new WebClient(port);
		browser.signIn(owner.email(), TestWorld.PASSWORD);

		Matcher secret = SECRET.matcher(browser.get("/account/two-factor").body());
		assertThat(secret.find()).isTrue();
		WebClient.Page wrong = browser.post("/account/two-factor", Map.of("code", "000000"));
		assertThat(wrong.body()).contains("That code does not match");
		WebClient.Page codesPage = browser.post("/account/two-factor",
				Map.of("code", Totp.code(secret.group(1), Instant.now())));
		List<String> codes = CODE.matcher(codesPage.body()).results().map(m -> m.group(1)).toList();
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		// the secret is stored sealed: the account's row holds it in no column
		String row = jdbc.sql("select u::text from identity.users u where id = ?").param(owner.id().value())
			.query(String.class).single();
		assertThat(row).doesNotContain(secret.group(1))
			.doesNotContain(HexFormat.of().formatHex(secret.group(1).getBytes(StandardCharsets.US_ASCII)));
		assertThat(jdbc.sql("select totp_secret is null and totp_secret_sealed is not null from identity.users "
				+ "where id = ?").param(owner.id().value()).query(Boolean.class).single()).isTrue();

		WebClient phone = new WebClient(port);
		assertThat(phone.signIn(owner.email(), TestWorld.PASSWORD).location()).endsWith("/login/two-factor");
		assertThat(phone.get("/").location()).endsWith("/login");
		phone.get("/login/two-factor");
		assertThat(phone.post("/login/two-factor", Map.of("code", codes.get(3))).location()).endsWith("/");
		assertThat(phone.get("/").body()).contains("Welcome");

		WebClient thief = new WebClient(port);
		thief.signIn(owner.email(), TestWorld.PASSWORD);
		thief.get("/login/two-factor");
		WebClient.Page reused = thief.post("/login/two-factor", Map.of("code", codes.get(3)));
		assertThat(reused.status()).isEqualTo(200);
		assertThat(reused.body()).contains("That code is not right");
	}
}
