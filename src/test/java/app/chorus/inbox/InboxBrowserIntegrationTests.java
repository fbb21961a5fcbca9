package app.chorus.inbox;

import static app.chorus.inbox.BlueskyNotifications.mention;
import static app.chorus.inbox.BlueskyNotifications.newest;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.ChannelId;
import app.chorus.identity.UserAccount;
import app.chorus.inbox.internal.InboxIngestion;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.Chromium;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;

/**
 * The inbox in Debian's Chromium (headless): with the list open, a new message read from the channel appears without
 * a reload; it is opened with the keyboard (j, Enter), answered after r, and the reply shows as sent. Both pages are
 * photographed at a laptop's and a phone's width into {@code target/inbox-browser}, and neither scrolls sideways.
 */
@ChorusIntegrationTest
class InboxBrowserIntegrationTests {

	static final Instant T = Instant.parse("2026-05-06T08:00:00Z");
	static final Path EVIDENCE = Paths.get("target", "inbox-browser");

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	InboxIngestion ingestion;

	@BeforeAll
	static void browserIsInstalled() {
		Chromium.requireInstalled();
	}

	@Test
	void aNewMessageArrivesLiveAndIsOpenedAndAnsweredWithTheKeyboard() throws Exception {
		Membership workspace = world.workspace("inbox-browser");
		UserAccount owner = world.owner(workspace);
		String did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "brand.test", "Brand");
		BlueskyAnswers.recordsAreWritten(pds, did);
		var earlier = mention("b1", "@brand.test thanks for the quick delivery", T);
		newest(pds, List.of(earlier));
		String channel = BlueskyNotifications.connectAndRead(new Api(port), world.token(owner, workspace), pds,
				ingestion, workspace);

		try (Chromium chromium = Chromium.start(port)) {
			try {
				chromium.signIn(owner.email(), TestWorld.PASSWORD);
				chromium.open("/inbox");
				chromium.visible(By.xpath("//td[contains(., 'thanks for the quick delivery')]"));
				// the stream is open before the message arrives, so its signal reaches this page
				chromium.newWait().withMessage("the live stream never said it was ready")
					.until(ExpectedConditions.attributeContains(By.cssSelector("[data-live-status]"), "class", "on"));
				chromium.driver().executeScript("window.inboxNotReloaded = true;");

				newest(pds, List.of(mention("b2", "@brand.test is the shop open on Sunday?", T.plusSeconds(60)),
						earlier));
				assertThat(ingestion.pollNow(workspace.workspaceId(), ChannelId.of(channel), Duration.ofSeconds(20)))
					.isTrue();
				WebElement arrived = chromium.newWait().withMessage("the new message never appeared in the list")
					.until(ExpectedConditions.visibilityOfElementLocated(
							By.xpath("//tr[contains(@class, 'inbox-row')][1][contains(., 'is the shop open on Sunday?')]")));
				assertThat(chromium.driver().executeScript("return window.inboxNotReloaded === true;"))
					.as("the message came without reloading the page").isEqualTo(true);
				assertThat(arrived.getText()).contains("Nobody has it").contains("On track");
				chromium.photographHere(EVIDENCE, "list");

				WebElement body = chromium.driver().findElement(By.tagName("body"));
				body.sendKeys("j");
				chromium.newWait().until(ExpectedConditions.attributeContains(
						By.xpath("//tr[contains(@class, 'inbox-row')][1]"), "class", "focused"));
				body.sendKeys(Keys.ENTER);
				chromium.newWait().withMessage("Enter did not open the conversation")
					.until(ExpectedConditions.urlMatches("/inbox/conversations/[0-9a-f-]{36}$"));
				chromium.visible(By.xpath("//p[contains(@class, 'message-text')][contains(., 'is the shop open on Sunday?')]"));

				chromium.driver().findElement(By.tagName("body")).sendKeys("r");
				chromium.newWait().withMessage("r did not put the cursor in the reply")
					.until(d -> "reply-text".equals(d.switchTo().activeElement().getAttribute("id")));
				chromium.driver().switchTo().activeElement().sendKeys("Yes, 10 to 16 on Sundays.");
				chromium.driver().findElement(By.cssSelector("#reply button.primary")).click();
				chromium.newWait().withMessage("the reply was not shown as sent")
					.until(ExpectedConditions.textToBe(By.cssSelector("p.notice"), "Your reply was sent."));
				WebElement reply = chromium.visible(By.cssSelector("li.reply"));
				assertThat(reply.getText()).contains("Yes, 10 to 16 on Sundays.").contains("Sent");
				chromium.photographHere(EVIDENCE, "conversation");

				// back on the list, e resolves the focused conversation and says so at once, without a reload
				chromium.driver().findElement(By.tagName("body")).sendKeys("u");
				chromium.newWait().until(ExpectedConditions.urlMatches("/inbox$"));
				chromium.visible(By.xpath("//td[contains(., 'is the shop open on Sunday?')]"));
				chromium.driver().executeScript("window.inboxNotReloaded = true;");
				WebElement list = chromium.driver().findElement(By.tagName("body"));
				list.sendKeys("j");
				chromium.newWait().until(ExpectedConditions.attributeContains(
						By.xpath("//tr[contains(@class, 'inbox-row')][1]"), "class", "focused"));
				list.sendKeys("e");
				chromium.newWait().withMessage("e did not say what it did")
					.until(ExpectedConditions.textToBe(By.cssSelector("[data-key-result]"),
							"One conversation was changed."));
				chromium.newWait().withMessage("the row did not show its new status")
					.until(ExpectedConditions.textToBe(By.xpath("//tr[contains(@class, 'inbox-row')][1]//*[@data-status]"),
							"Resolved"));
				assertThat(chromium.driver().executeScript("return window.inboxNotReloaded === true;")).isEqualTo(true);
			}
			catch (RuntimeException | AssertionError e) {
				chromium.keepEvidence("inbox-browser");
				throw e;
			}
		}
	}
}
