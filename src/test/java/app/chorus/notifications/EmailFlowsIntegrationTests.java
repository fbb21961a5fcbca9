package app.chorus.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import app.chorus.identity.UserAccount;
import app.chorus.support.Api;
import app.chorus.support.TestWorld;
import app.chorus.channels.ChannelId;
import app.chorus.channels.internal.ChannelService;
import app.chorus.channels.spi.ConnectedAccount;
import app.chorus.channels.spi.Credentials;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.support.WebClient;
import app.chorus.workspace.Membership;
import jakarta.mail.internet.MimeMessage;

/** With SMTP configured, invitations and password resets arrive by e-mail and their links work. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"chorus.data-dir=${chorus.test.data-dir:target/test-data}", "chorus.db.embedded.durable=false",
		"chorus.db.embedded.database=chorus_mail_${random.value}", "chorus.smtp.host=127.0.0.1",
		"chorus.smtp.starttls=false", "chorus.smtp.from=chorus@example.com" })
class EmailFlowsIntegrationTests {

	static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		MAIL.start();
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("chorus.smtp.port", () -> MAIL.getSmtp().getPort());
	}

	@AfterAll
	static void stopMail() {
		MAIL.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	ChannelService channels;

	@Test
	void anInvitationByMailLeadsANewcomerIntoTheWorkspace() throws Exception {
		Membership workspace = world.workspace("mailed");
		String token = world.token(world.owner(workspace), workspace);
		String invitee = TestWorld.uniqueEmail("newcomer");

		Api.Response invited = new Api(port).post("/api/v1/invitations", token,
				Map.of("email", invitee, "role", "publisher"));
		assertThat(invited.json().get("emailed").asBoolean()).isTrue();

		MimeMessage mail = awaitMailTo(invitee);
		assertThat(mail.getSubject()).contains(workspace.workspaceName());
		String link = linkIn(GreenMailUtil.getBody(mail), "/invitations/accept/");
		WebClient newcomer = new WebClient(port);
		assertThat(newcomer.get(link).body()).contains(workspace.workspaceName());
		WebClient.Page accepted = newcomer.post(link,
				Map.of("displayName", "Newcomer", "password", "a long enough password", "timeZone", "Asia/Seoul"));
		assertThat(accepted.location()).contains("/login?joined");

		WebClient.Page signedIn = newcomer.signIn(invitee, "a long enough password");
		assertThat(signedIn.location()).endsWith("/");
		assertThat(newcomer.get("/").body()).contains(workspace.workspaceName());
		assertThat(newcomer.get(link).status()).isEqualTo(404);
	}

	@Test
	void aResetLinkByMailSetsANewPasswordOnce() throws Exception {
		Membership workspace = world.workspace("reset");
		UserAccount owner = world.owner(workspace);
		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		WebClient.Page asked = browser.post("/password/forgot", Map.of("email", owner.email()));
		WebClient.Page askedForNobody = browser.post("/password/forgot",
				Map.of("email", TestWorld.uniqueEmail("nobody")));
		assertThat(asked.body()).contains("If that address has an account");
		assertThat(askedForNobody.body()).contains("If that address has an account");

		String link = linkIn(GreenMailUtil.getBody(awaitMailTo(owner.email())), "/password/reset?token=");
		assertThat(browser.get(link).body()).contains("name=\"newPassword\"");
		String token = link.substring(link.indexOf("token=") + 6);
		WebClient.Page reset = browser.post("/password/reset",
				Map.of("token", token, "newPassword", "the new passphrase here"));
		assertThat(reset.location()).contains("/login?passwordReset");

		assertThat(new WebClient(port).signIn(owner.email(), TestWorld.PASSWORD).status()).isEqualTo(200);
		assertThat(new WebClient(port).signIn(owner.email(), "the new passphrase here").location()).endsWith("/");
		assertThat(browser.get(link).body()).contains("expired or was already used");
	}

	@Test
	void theOwnersOfAChannelThatNeedsReauthorisationAreMailed() throws Exception {
		Membership workspace = world.workspace("reauth");
		var owner = world.owner(workspace);
		var backup = world.member(workspace, "backup", app.chorus.workspace.Role.MANAGER);
		var connected = channels.store(workspace, app.chorus.shared.audit.AuditActor.system(), NetworkKey.BLUESKY,
				new ConnectedAccount("did:plc:mailtest" + System.nanoTime(), "mailed.test", "Mailed brand",
						null, "https://pds.example", new Credentials("access", "refresh", null, Map.of()),
						Map.of()));
		ChannelId id = connected.channel().id();
		channels.addOwner(workspace, app.chorus.shared.audit.AuditActor.system(), id, backup.id());
		for (int refusal = 0; refusal < 3; refusal++) {
			channels.authorizationFailed(workspace.workspaceId(), id, "app password revoked");
		}
		for (String address : java.util.List.of(owner.email(), backup.email())) {
			MimeMessage mail = awaitMailTo(address);
			assertThat(mail.getSubject()).contains("Mailed brand");
			assertThat(GreenMailUtil.getBody(mail)).contains("/channels/" + id);
		}
	}

	private static MimeMessage awaitMailTo(String address) {
		return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
			for (MimeMessage message : MAIL.getReceivedMessages()) {
				if (message.getAllRecipients()[0].toString().equals(address)) {
					return message;
				}
			}
			return null;
		}, java.util.Objects::nonNull);
	}

	/** The path and query of the first link in the body that contains {@code marker}. */
	private static String linkIn(String body, String marker) {
		Matcher matcher = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(marker) + "[^\\s]+)")
			.matcher(body.replace("=\r\n", "").replace("=3D", "="));
		assertThat(matcher.find()).as("a link with " + marker + " in:\n" + body).isTrue();
		return matcher.group(1);
	}
}
