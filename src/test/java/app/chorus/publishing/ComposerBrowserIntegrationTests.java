package app.chorus.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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
 * The composer in real headless Chromium: a text too long for Bluesky turns the counter under the channel red and names
 * the rule while it is typed; shortened, it passes; published now, the post page follows it until it is out. The
 * Bluesky server is WireMock answering as the AT Protocol documents it. The composer, the post and the list are
 * photographed at laptop and phone widths under target/composer-screenshots, and none may scroll sideways on a phone.
 */
@ChorusIntegrationTest
class ComposerBrowserIntegrationTests {

	private static final String HANDLE = "bakery.test";
	private static final String NAME = "Harbour Bakery";
	private static final String ANA = "did:plc:ana4ana4ana4ana4ana4ana4";
	private static final Pattern POST_PAGE = Pattern.compile("/posts/[0-9a-f-]{36}");
	private static final Path SCREENSHOTS = Paths.get("target", "composer-screenshots");

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	private Chromium browser;
	private ChromeDriver driver;
	private Membership workspace;
	private UserAccount owner;
	private String channel;

	@BeforeAll
	static void browserIsInstalled() {
		Chromium.requireInstalled();
	}

	@BeforeEach
	void aWorkspaceWithABlueskyChannelAndABrowser() {
		workspace = world.workspace("composer-browser");
		owner = world.owner(workspace);
		String did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, HANDLE, NAME);
		BlueskyAnswers.recordsAreWritten(pds, did);
		// the mention in the post becomes a facet pointing at the account's DID
		pds.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.identity.resolveHandle"))
			.withQueryParam("handle", equalTo("ana.bsky.social"))
			.willReturn(BlueskyAnswers.json(Map.of("did", ANA))));
		Api.Response connected = new Api(port).post("/api/v1/channels", world.token(owner, workspace), Map.of(
				"network", "bluesky", "pdsUrl", pds.baseUrl(), "handle", HANDLE, "appPassword", "abcd-efgh-ijkl-mnop"));
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
	void aTooLongTextIsCaughtWhileTypingThenFixedAndPublished() {
		try {
			signIn();
			openTheComposerFromThePostsPage();
			tickTheChannel();
			aTextTooLongForBlueskyTurnsTheCounterRed();
			browser.photographHere(SCREENSHOTS, "composer-too-long");
			shortenedItPasses();
			theCustomiseBoxStartsFromTheMessage();
			browser.photographHere(SCREENSHOTS, "composer-ready");
			String post = publishNow();
			thePostPageFollowsItUntilItIsPublished(post);
			browser.photographPages(SCREENSHOTS, Map.of("post", post, "posts", "/posts"));
			pauseAndResumeFromThePostsPage();
			pds.verify(1, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord"))
				.withRequestBody(matchingJsonPath("$.record.text", equalTo(
						"Fresh sourdough every morning.\nCome early! #bakery @ana.bsky.social See you!")))
				.withRequestBody(containing(ANA)));
		}
		catch (Throwable failure) {
			browser.keepEvidence("composer-browser");
			throw failure;
		}
	}

	private void signIn() {
		browser.signIn(owner.email(), TestWorld.PASSWORD);
	}

	private void openTheComposerFromThePostsPage() {
		WebElement posts = browser.visible(By.cssSelector("nav.mainnav a[href='/posts']"));
		assertThat(posts.getText()).isEqualTo("Posts");
		posts.click();
		browser.waitForPage("/posts");
		assertThat(browser.visible(By.cssSelector("#main .empty p")).getText()).isEqualTo("No posts yet.");
		driver.findElement(By.linkText("Write the first post")).click();
		browser.waitForPage("/posts/new");
		assertThat(browser.visible(By.cssSelector("#main h1")).getText()).isEqualTo("New post");
	}

	private void tickTheChannel() {
		assertThat(driver.findElement(By.id("check-" + channel)).isDisplayed()).as("hidden until ticked").isFalse();
		browser.visible(By.cssSelector("label[for='pick-" + channel + "']")).click();
		assertThat(browser.visible(By.id("check-" + channel)).getText()).contains("0 / 300 characters");
	}

	private void aTextTooLongForBlueskyTurnsTheCounterRed() {
		browser.type("text", "Fresh sourdough every morning. ".repeat(10) + "Come early!");
		until("the counter to count the whole text", () -> counters().getFirst().getText()
			.equals("321 / 300 characters"));
		assertThat(counters().getFirst().getDomAttribute("class")).as("the counter turns red").contains("over");
		assertThat(counters()).extracting(WebElement::getText)
			.containsExactly("321 / 300 characters", "321 / 3,000 bytes");
		assertThat(problems()).extracting(WebElement::getText)
			.containsExactly("The text is 321 characters long; Bluesky allows 300 characters.");
		assertThat(preview().getText()).startsWith("Fresh sourdough every morning.");
	}

	private void shortenedItPasses() {
		browser.type("text", "Fresh sourdough every morning.\nCome early! #bakery @ana.bsky.social");
		until("the counter to count the shorter text", () -> counters().getFirst().getText()
			.equals("67 / 300 characters"));
		assertThat(counters().getFirst().getDomAttribute("class")).doesNotContain("over");
		assertThat(counters()).extracting(WebElement::getText)
			.containsExactly("67 / 300 characters", "67 / 3,000 bytes");
		assertThat(problems()).isEmpty();
		assertThat(driver.findElements(By.cssSelector("#check-" + channel + " .tag"))).extracting(WebElement::getText)
			.containsExactly("#bakery", "@ana.bsky.social");
		assertThat(preview().getText()).isEqualTo("Fresh sourdough every morning.\nCome early! #bakery @ana.bsky.social");
	}

	private void theCustomiseBoxStartsFromTheMessage() {
		driver.findElement(By.cssSelector("#pick-" + channel + " ~ .variant details.customise summary")).click();
		WebElement own = browser.visible(By.id("variant-text-" + channel));
		assertThat(own.getDomProperty("value"))
			.isEqualTo("Fresh sourdough every morning.\nCome early! #bakery @ana.bsky.social");
		own.sendKeys(" See you!");
		until("the preview to show the channel's own text", () -> preview().getText().endsWith("See you!"));
		assertThat(counters().getFirst().getText()).isEqualTo("76 / 300 characters");
	}

	private String publishNow() {
		driver.findElement(By.cssSelector("button[name=action][value=publish]")).click();
		browser.newWait().withMessage(() -> "expected the post's page but the browser is at " + driver.getCurrentUrl())
			.until(d -> POST_PAGE.matcher(browser.path()).matches());
		assertThat(browser.visible(By.cssSelector("#main p.notice")).getText()).isEqualTo("The post is on its way.");
		return browser.path();
	}

	private void thePostPageFollowsItUntilItIsPublished(String post) {
		until("the post to show as published", () -> driver
			.findElement(By.cssSelector("#post-live .post-status .badge")).getText().equals("Published"));
		WebElement variant = browser.visible(By.cssSelector("#post-live .variant-panel"));
		assertThat(variant.findElement(By.cssSelector(".panel-head .badge")).getText()).isEqualTo("Published");
		assertThat(variant.findElement(By.cssSelector("a.live-link")).getDomAttribute("href"))
			.startsWith("https://bsky.app/profile/");
		assertThat(driver.findElement(By.cssSelector("#main .card .post-text")).getText())
			.isEqualTo("Fresh sourdough every morning.\nCome early! #bakery @ana.bsky.social");
		assertThat(variant.getText()).contains("See you!");
		driver.findElement(By.linkText("All posts")).click();
		browser.waitForPage("/posts");
		WebElement row = browser.visible(By.cssSelector("#main table.posts tbody tr"));
		assertThat(row.getText()).contains("Fresh sourdough every morning.", "Published", "Bluesky · " + NAME);
		assertThat(row.findElement(By.cssSelector("a")).getDomAttribute("href")).isEqualTo(post);
	}

	/** The crisis switch: paused with a reason, every page says so and by whom, until it is resumed. */
	private void pauseAndResumeFromThePostsPage() {
		browser.open("/posts");
		driver.findElement(By.xpath("//summary[normalize-space()='Pause all publishing']")).click();
		browser.type("pause-reason", "Storm warning: no cheerful posts today");
		driver.findElement(By.cssSelector("form[action='/posts/pause'] button[type=submit]")).click();
		browser.waitForUrl("/posts");
		WebElement banner = browser.visible(By.cssSelector("#main .pause-banner"));
		assertThat(banner.getText()).contains("Publishing is paused.", "Storm warning: no cheerful posts today",
				owner.displayName() + " paused it on", "No post is held yet.");
		browser.photographPages(SCREENSHOTS, Map.of("posts-paused", "/posts"));
		browser.open("/channels");
		assertThat(browser.visible(By.cssSelector("#main .pause-banner")).getText())
			.contains("Storm warning: no cheerful posts today");
		browser.open("/posts");
		driver.findElement(By.cssSelector("form[action='/posts/resume'] button[type=submit]")).click();
		browser.waitForUrl("/posts");
		assertThat(browser.visible(By.cssSelector("#main p.notice")).getText()).isEqualTo("Publishing has resumed.");
		assertThat(driver.findElements(By.cssSelector(".pause-banner"))).isEmpty();
	}

	private void until(String what, java.util.function.BooleanSupplier condition) {
		browser.newWait().withMessage(() -> "waited for " + what).until(d -> condition.getAsBoolean());
	}

	private List<WebElement> counters() {
		return driver.findElements(By.cssSelector("#check-" + channel + " .counter"));
	}

	private List<WebElement> problems() {
		return driver.findElements(By.cssSelector("#check-" + channel + " ul.problems li"));
	}

	private WebElement preview() {
		return driver.findElement(By.cssSelector("#check-" + channel + " .preview-text"));
	}
}
