package app.chorus.publishing.queues;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.identity.UserAccount;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.Chromium;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;

/**
 * The queue page in real Chromium: from the posts page to the queue, slots typed for a day in Copenhagen time, a post
 * added to the queue and listed under its channel; photographed at laptop and phone widths under
 * target/queue-screenshots, and it may not scroll sideways on a phone.
 */
@ChorusIntegrationTest
class QueueBrowserIntegrationTests {

	private static final Path SCREENSHOTS = Paths.get("target", "queue-screenshots");

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	private Chromium browser;
	private ChromeDriver driver;
	private UserAccount owner;
	private String channel;

	@BeforeAll
	static void browserIsInstalled() {
		Chromium.requireInstalled();
	}

	@BeforeEach
	void aWorkspaceWithABlueskyChannelAndABrowser() {
		Membership workspace = world.workspace("queue-browser");
		owner = world.owner(workspace);
		String did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "bakery.test", "Corner Bakery");
		Api.Response connected = new Api(port).post("/api/v1/channels", world.token(owner, workspace), Map.of(
				"network", "bluesky", "pdsUrl", pds.baseUrl(), "handle", "bakery.test", "appPassword",
				"abcd-efgh-ijkl-mnop"));
		assertThat(connected.status()).isEqualTo(201);
		channel = connected.json().get("id").asString();
		browser = Chromium.start(port);
		driver = browser.driver();
	}

	@AfterEach
	void quitBrowser() throws IOException {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void slotsAreSetAndAPostIsQueuedFromThePage() {
		try {
			browser.open("/login");
			browser.type("email", owner.email());
			browser.type("password", TestWorld.PASSWORD);
			driver.findElement(By.cssSelector("#main form button[type=submit]")).click();
			browser.waitForPage("/");

			browser.open("/posts");
			browser.visible(By.cssSelector("#main .page-head a[href='/queue']")).click();
			browser.waitForPage("/queue");
			assertThat(browser.visible(By.cssSelector("#main h1")).getText()).isEqualTo("Queue");

			new Select(driver.findElement(By.id("zone-" + channel))).selectByValue("Europe/Copenhagen");
			for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
				browser.type("slot-" + channel + "-" + day, "08:00, 12:30, 18:45");
			}
			driver.findElement(By.cssSelector("form[action='/queue/channels/" + channel + "/slots'] button")).click();
			browser.waitForUrl("/queue");
			assertThat(browser.visible(By.cssSelector("#main p.notice")).getText())
				.isEqualTo("The posting slots are saved.");

			browser.type("queue-text", "Cardamom buns are back this weekend");
			driver.findElement(By.cssSelector("#add-to-queue input[value='" + channel + "']")).click();
			driver.findElement(By.cssSelector("#add-to-queue button[type=submit]")).click();
			browser.waitForUrl("/queue");
			assertThat(browser.visible(By.cssSelector("#main p.notice")).getText())
				.isEqualTo("The post is in the queue.");
			assertThat(browser.visible(By.cssSelector("#queue-" + channel + " td.excerpt a")).getText())
				.isEqualTo("Cardamom buns are back this weekend");

			browser.photographHere(SCREENSHOTS, "queue");
		}
		catch (Throwable failure) {
			browser.keepEvidence("queue-browser");
			throw failure;
		}
	}
}
