package app.chorus.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.identity.UserAccount;
import app.chorus.notifications.Notice;
import app.chorus.notifications.Notifications;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.Chromium;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;

/**
 * The channels pages in real headless Chromium, the way an owner clicks them: connect a Bluesky account (a wrong app
 * password first), find it without a backup owner, add one, rename it, narrow who may draft for it, disconnect it.
 * The Bluesky server is WireMock answering as the AT Protocol documents it. On the way, the pages are photographed at
 * laptop and phone widths under target/channels-screenshots, and must not scroll sideways on a 375-pixel phone.
 */
@ChorusIntegrationTest
class ChannelsBrowserIntegrationTests {

	private static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";
	private static final String WRONG_APP_PASSWORD = "wxyz-wxyz-wxyz-wxyz";
	private static final String HANDLE = "bakery.test";
	private static final String DISPLAY_NAME = "Harbour Bakery on Bluesky";
	private static final Pattern CHANNEL_PAGE = Pattern.compile("/channels/[0-9a-f-]{36}");
	private static final Path SCREENSHOTS = Paths.get("target", "channels-screenshots");

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	Notifications notifications;

	private Chromium browser;
	private ChromeDriver driver;
	private WebDriverWait wait;

	private Membership workspace;
	private UserAccount owner;
	private UserAccount backup;
	private UserAccount drafter;

	@BeforeAll
	static void browserIsInstalled() {
		Chromium.requireInstalled();
	}

	@BeforeEach
	void aWorkspaceABlueskyServerAndABrowser() {
		workspace = world.workspace("channels-browser");
		owner = world.owner(workspace);
		backup = world.member(workspace, "backup", Role.MANAGER);
		drafter = world.member(workspace, "drafter", Role.PUBLISHER);
		aBlueskyServerThatKnowsOnlyTheRightAppPassword();
		browser = Chromium.start(port);
		driver = browser.driver();
		wait = browser.waiting();
	}

	@AfterEach
	void quitBrowser() throws IOException {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void anOwnerConnectsABlueskyAccountBacksItUpSharesItAndDisconnectsIt() {
		try {
			signIn();
			openChannelsFromTheNavigation();
			aWrongAppPasswordIsRefusedUnderItsField();
			String channel = theRightAppPasswordConnects();
			theListShowsItWithoutABackup();
			photographBothPages(channel);
			aSecondOwnerIsTheBackup(channel);
			renameIt(channel);
			grantDraftingOnly(channel);
			browser.photographPages(SCREENSHOTS, Map.of("channel-shared", channel));
			disconnectIt(channel);
		}
		catch (Throwable failure) {
			browser.keepEvidence("channels-browser");
			throw failure;
		}
	}

	private void signIn() {
		browser.signIn(owner.email(), TestWorld.PASSWORD);
	}

	private void openChannelsFromTheNavigation() {
		WebElement channels = browser.visible(By.cssSelector("nav.mainnav a[href='/channels']"));
		assertThat(channels.getText()).isEqualTo("Channels");
		channels.click();
		browser.waitForPage("/channels");
		assertThat(browser.visible(By.cssSelector("#main p.empty")).getText())
			.startsWith("No channels are connected yet.");
		assertThat(driver.findElements(By.cssSelector("#main table.list"))).isEmpty();
	}

	/** The refusal names the app password, right under it; the handle is kept, the password is not; nothing saved. */
	private void aWrongAppPasswordIsRefusedUnderItsField() {
		WebElement summary = browser.visible(By.xpath("//details/summary[normalize-space()='Bluesky']"));
		summary.click();
		browser.type("bluesky-handle", HANDLE);
		browser.type("bluesky-password", WRONG_APP_PASSWORD);
		browser.type("bluesky-pds", pds.baseUrl());
		connectButton().click();

		WebElement refusal = browser.visible(By.xpath(
				"//input[@id='bluesky-password']/following-sibling::*[1][contains(@class, 'field-error')]"));
		assertThat(refusal.getText()).isEqualTo(
				"Bluesky did not accept this handle and app password. Check the app password.");
		assertThat(driver.findElement(By.id("bluesky-handle")).getDomProperty("value")).isEqualTo(HANDLE);
		assertThat(driver.findElement(By.id("bluesky-password")).getDomProperty("value")).isEmpty();
		assertThat(driver.getPageSource()).doesNotContain(WRONG_APP_PASSWORD);
		browser.screenshot(SCREENSHOTS.resolve("channels-refused-1280.png"));
		assertThat(driver.findElements(By.cssSelector("#main table.list"))).isEmpty();
		assertThat(driver.findElement(By.cssSelector("#main p.empty")).isDisplayed()).isTrue();
	}

	/** @return the new channel's page, {@code /channels/{id}} */
	private String theRightAppPasswordConnects() {
		browser.type("bluesky-password", APP_PASSWORD);
		assertThat(driver.findElement(By.id("bluesky-pds")).getDomProperty("value")).isEqualTo(pds.baseUrl());
		connectButton().click();
		browser.newWait().withMessage(() -> "expected a channel page but the browser is at " + driver.getCurrentUrl())
			.until(d -> CHANNEL_PAGE.matcher(browser.path()).matches());
		String channel = browser.path();
		assertThat(browser.visible(By.cssSelector("#main p.notice")).getText())
			.isEqualTo("The channel is connected.");
		assertThat(driver.findElement(By.cssSelector("#main h1")).getText()).isEqualTo(DISPLAY_NAME);
		assertThat(driver.findElement(By.cssSelector("#main dl .badge.ok")).getText()).isEqualTo("Connected");
		return channel;
	}

	private void theListShowsItWithoutABackup() {
		driver.findElement(By.linkText("All channels")).click();
		browser.waitForPage("/channels");
		WebElement row = channelRow();
		assertThat(row.getText()).contains(DISPLAY_NAME, HANDLE, "Bluesky", "Connected", owner.displayName());
		assertThat(row.findElement(By.cssSelector(".badge.warn")).getText()).isEqualTo("No backup");
		assertThat(noBackupWarnings()).extracting(WebElement::getText)
			.containsExactly("One channel has fewer than two owners: nobody answers for it when its owner is away.");
		assertThat(driver.findElements(By.cssSelector("#main p.empty"))).isEmpty();
	}

	/** Both pages with one channel and no backup owner yet, the most crowded they get in this journey. */
	private void photographBothPages(String channel) {
		browser.photographPages(SCREENSHOTS, Map.of("channels", "/channels", "channel", channel));
	}

	private void aSecondOwnerIsTheBackup(String channel) {
		browser.open(channel);
		assertThat(ownerCandidates()).doesNotContain(owner.id().value().toString())
			.contains(backup.id().value().toString());
		new Select(browser.visible(By.name("userId"))).selectByValue(backup.id().value().toString());
		driver.findElement(By.cssSelector("form[action$='/owners'] button[type=submit]")).click();
		wait.until(d -> ownersCard().getText().contains(backup.email()));
		assertThat(ownersCard().findElements(By.cssSelector(".badge.warn"))).isEmpty();
		assertThat(ownerCandidates()).doesNotContain(owner.id().value().toString(), backup.id().value().toString())
			.contains(drafter.id().value().toString());

		driver.findElement(By.linkText("All channels")).click();
		browser.waitForPage("/channels");
		WebElement row = channelRow();
		assertThat(row.getText()).contains(owner.displayName(), backup.displayName());
		assertThat(row.findElements(By.cssSelector(".badge.warn"))).isEmpty();
		assertThat(noBackupWarnings()).isEmpty();
	}

	private void renameIt(String channel) {
		browser.open(channel);
		browser.type("name", "Harbour Bakery (main)");
		driver.findElement(By.cssSelector("form[action$='/rename'] button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBe(By.cssSelector("#main h1"), "Harbour Bakery (main)"));
		assertThat(driver.findElement(By.cssSelector("#main p.notice")).getText())
			.isEqualTo("The channel was renamed.");
	}

	private void grantDraftingOnly(String channel) {
		browser.waitForPage(channel);
		new Select(browser.visible(By.id("grantee"))).selectByValue("member:" + drafter.id().value());
		assertThat(driver.findElements(By.cssSelector("input[name=permission]:checked"))).isEmpty();
		driver.findElement(By.cssSelector("input[name=permission][value=draft]")).click();
		assertThat(driver.findElements(By.cssSelector("input[name=permission]:checked"))).hasSize(1);
		driver.findElement(By.cssSelector("form[action$='/grants'] button[type=submit]")).click();
		// the grants list names a member by e-mail address
		WebElement grant = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//table[contains(@class, 'list')]//tr[td[normalize-space()='" + drafter.email() + "']]")));
		assertThat(grant.findElements(By.cssSelector(".badge"))).extracting(WebElement::getText)
			.containsExactly("draft");
	}

	/** The disconnect button asks first (data-confirm); accepting it empties the list again. */
	private void disconnectIt(String channel) {
		browser.waitForPage(channel);
		driver.findElement(By.cssSelector("form[action$='/disconnect'] button.danger")).click();
		var confirm = wait.until(ExpectedConditions.alertIsPresent());
		assertThat(confirm.getText()).startsWith("Disconnect Harbour Bakery (main)?");
		confirm.accept();
		browser.waitForUrl("/channels");
		assertThat(browser.visible(By.cssSelector("#main p.notice")).getText())
			.isEqualTo("The channel was disconnected and its credentials deleted.");
		assertThat(browser.visible(By.cssSelector("#main p.empty")).getText())
			.startsWith("No channels are connected yet.");
		assertThat(driver.findElements(By.cssSelector("#main table.list"))).isEmpty();
		pds.verify(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.deleteSession")));
	}

	/**
	 * Notices about channels: the user menu counts the unread ones, the notifications page marks them, and marking
	 * them read clears both.
	 */
	@Test
	void theUserMenuCountsUnreadChannelNoticesUntilTheyAreRead() {
		try {
			for (String name : List.of(DISPLAY_NAME, "Harbour Bakery news")) {
				notifications.notify(new Notice(workspace.workspaceId(), owner.id(), null, Locale.ENGLISH,
						"notice.channel.needs-reauthorization", List.of(name, "Bluesky"),
						"/channels/" + UUID.randomUUID()));
			}
			signIn();
			WebElement notices = browser.visible(By.cssSelector("nav.mainnav .usermenu a.notices"));
			assertThat(notices.getText()).isEqualTo("Notifications (2)");
			assertThat(notices.getDomAttribute("class")).contains("unread");
			notices.click();
			browser.waitForPage("/notifications");
			List<WebElement> unread = driver.findElements(By.cssSelector("#main ul.notices li.unread"));
			assertThat(unread).hasSize(2);
			assertThat(unread).extracting(WebElement::getText)
				.anySatisfy(text -> assertThat(text).startsWith("The Bluesky channel " + DISPLAY_NAME
						+ " was refused by the network several times and is paused."));
			browser.photographPages(SCREENSHOTS, Map.of("notifications", "/notifications"));

			driver.findElement(By.cssSelector("form[action='/notifications/read'] button[type=submit]")).click();
			wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#main ul.notices li.unread"), 0));
			assertThat(driver.findElements(By.cssSelector("#main ul.notices li"))).hasSize(2);
			WebElement read = browser.visible(By.cssSelector("nav.mainnav .usermenu a.notices"));
			assertThat(read.getText()).isEqualTo("Notifications");
			assertThat(read.getDomAttribute("class")).doesNotContain("unread");
		}
		catch (Throwable failure) {
			browser.keepEvidence("channels-browser");
			throw failure;
		}
	}

	// --- helpers ---

	private WebElement connectButton() {
		return driver.findElement(By.cssSelector("form[action='/channels/connect/bluesky'] button[type=submit]"));
	}

	private WebElement channelRow() {
		return browser.visible(By.cssSelector("#main table.list tbody tr"));
	}

	/** The warning above the list that names how many channels lack a backup owner (not the master-key one). */
	private List<WebElement> noBackupWarnings() {
		return driver.findElements(
				By.xpath("//main//*[contains(@class, 'warning')][contains(., 'fewer than two owners')]"));
	}

	/** The user ids the "Add owner" menu offers. */
	private List<String> ownerCandidates() {
		return driver.findElements(By.cssSelector("select[name=userId] option")).stream()
			.map(option -> option.getDomAttribute("value")).toList();
	}

	private WebElement ownersCard() {
		return driver.findElement(By.xpath("//div[contains(@class, 'card')][h2[normalize-space()='Owners']]"));
	}

	/**
	 * A PDS that opens a session only for the right app password and answers "invalid identifier or password" (401)
	 * to any other, as Bluesky does; the handle resolves, so a refusal is about the password.
	 */
	private void aBlueskyServerThatKnowsOnlyTheRightAppPassword() {
		String did = "did:plc:" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
		pds.stubFor(post("/xrpc/com.atproto.server.createSession").atPriority(5)
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}")));
		pds.stubFor(post("/xrpc/com.atproto.server.createSession").atPriority(1)
			.withRequestBody(matchingJsonPath("$.identifier", equalTo(HANDLE)))
			.withRequestBody(matchingJsonPath("$.password", equalTo(APP_PASSWORD)))
			.willReturn(ChannelsApiIntegrationTests.json(Map.of("did", did, "handle", HANDLE, "accessJwt",
					ChannelsApiIntegrationTests.jwt("access", Instant.now().plus(Duration.ofHours(2))), "refreshJwt",
					ChannelsApiIntegrationTests.jwt("refresh", Instant.now().plus(Duration.ofDays(60))), "active",
					true, "didDoc", Map.of("id", did, "service", List.of(Map.of("id", "#atproto_pds", "type",
							"AtprotoPersonalDataServer", "serviceEndpoint", pds.baseUrl())))))));
		pds.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.identity.resolveHandle"))
			.willReturn(ChannelsApiIntegrationTests.json(Map.of("did", did))));
		pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile")).willReturn(ChannelsApiIntegrationTests
			.json(Map.of("did", did, "handle", HANDLE, "displayName", DISPLAY_NAME, "followersCount", 10))));
		pds.stubFor(post("/xrpc/com.atproto.server.deleteSession").willReturn(aResponse().withStatus(200)));
	}
}
