package app.chorus.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
import app.chorus.support.Multipart;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;

/**
 * An approval round trip in real headless Chromium: the owner starts a campaign and asks for a manager's approval on
 * the policies page; a contributor writes a post for the campaign with a picture from the library, one uploaded from
 * the composer and a second part, and sends it for approval; a manager approves it on the post's page and it goes out
 * to Bluesky (WireMock answering as the AT Protocol documents it). The campaigns, the composer, the post in review and
 * the policies page are photographed at laptop and phone widths under target/composer-screenshots; none may scroll
 * sideways.
 */
@ChorusIntegrationTest
class ApprovalBrowserIntegrationTests {

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
	private UserAccount owner;
	private UserAccount manager;
	private UserAccount contributor;
	private String channel;
	private String tulips;
	private Path upload;

	@BeforeAll
	static void browserIsInstalled() {
		Chromium.requireInstalled();
	}

	@BeforeEach
	void aWorkspaceWithABlueskyChannelThreePeopleAndAPicture() throws IOException {
		Membership workspace = world.workspace("approval-browser");
		owner = world.owner(workspace);
		manager = world.member(workspace, "manager", Role.MANAGER);
		contributor = world.member(workspace, "writer", Role.CONTRIBUTOR);
		String did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "bakery.test", "Harbour Bakery");
		BlueskyAnswers.recordsAreWritten(pds, did);
		BlueskyAnswers.blobsAreStored(pds);
		Api api = new Api(port);
		String token = world.token(owner, workspace);
		channel = api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl", pds.baseUrl(),
				"handle", "bakery.test", "appPassword", "abcd-efgh-ijkl-mnop")).json().get("id").asString();
		tulips = api.upload("/api/v1/media", token, Multipart.of(Map.of("altText", "Tulips in a row"), "file",
				"tulips.png", "image/png", png(800, 600))).json().get("id").asString();
		upload = Files.createTempFile("chorus-loaf-", ".png");
		Files.write(upload, png(600, 600));
		browser = Chromium.start(port);
		driver = browser.driver();
	}

	@AfterEach
	void quitBrowser() throws IOException {
		if (browser != null) {
			browser.close();
		}
		if (upload != null) {
			Files.deleteIfExists(upload);
		}
	}

	@Test
	void aContributorWritesAManagerApprovesAndThePostGoesOut() {
		try {
			signIn(owner);
			theOwnerStartsACampaign();
			theOwnerAsksForAManagersApproval();
			signOut();

			signIn(contributor);
			String post = theContributorWritesAndSendsForApproval();
			signOut();

			signIn(manager);
			theManagerApproves(post);
			pds.verify(2, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.uploadBlob")));
			pds.verify(1, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord"))
				.withRequestBody(matchingJsonPath("$.record.text", equalTo("Fresh loaves from seven"))));
			pds.verify(1, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord"))
				.withRequestBody(matchingJsonPath("$.record.text", equalTo("Rye on Fridays"))));
		}
		catch (Throwable failure) {
			browser.keepEvidence("approval-browser");
			throw failure;
		}
	}

	private void theOwnerStartsACampaign() {
		browser.open("/posts");
		driver.findElement(By.linkText("Campaigns")).click();
		browser.waitForPage("/campaigns");
		driver.findElement(By.xpath("//summary[normalize-space()='New campaign']")).click();
		browser.type("campaign-name", "Rye week");
		browser.type("campaign-objective", "Sell out the rye every day");
		driver.findElement(By.cssSelector("form[action='/campaigns'] button[type=submit]")).click();
		browser.waitForUrl("/campaigns");
		WebElement row = browser.visible(By.cssSelector("table.campaigns tbody tr"));
		assertThat(row.getText()).contains("Rye week", "Sell out the rye every day");
		assertThat(row.findElement(By.cssSelector(".dot")).getCssValue("background-color"))
			.isEqualTo("rgba(79, 107, 237, 1)");
		browser.photographPages(SCREENSHOTS, Map.of("campaigns", "/campaigns"));
	}

	private void theOwnerAsksForAManagersApproval() {
		browser.open("/posts");
		driver.findElement(By.linkText("Approval policies")).click();
		browser.waitForPage("/publishing/approvals");
		WebElement card = browser.visible(By.id("policy-workspace"));
		assertThat(card.getText()).contains("No approval: posts are scheduled at once.");
		card.findElement(By.cssSelector("button[value=add]")).click();
		WebElement step = browser.visible(By.id("policy-workspace-step-0"));
		assertThat(step.getDomProperty("value")).isEqualTo("role:manager");
		assertThat(browser.path()).as("adding a step only shows it").isEqualTo("/publishing/approvals");
		driver.findElement(By.cssSelector("#policy-workspace button[value=save]")).click();
		until("the policy to be saved", () -> driver.findElements(By.cssSelector("#main p.notice")).stream()
			.anyMatch(n -> n.getText().equals("The approval policy is saved.")));
		assertThat(browser.visible(By.id("policy-workspace-step-0")).getDomProperty("value"))
			.isEqualTo("role:manager");
		browser.photographPages(SCREENSHOTS, Map.of("policy", "/publishing/approvals"));
	}

	private String theContributorWritesAndSendsForApproval() {
		browser.open("/posts/new");
		assertThat(browser.visible(By.cssSelector("button[name=action][value=review]")).getText())
			.isEqualTo("Send for approval");
		assertThat(driver.findElements(By.cssSelector("button[name=action][value=publish]"))).isEmpty();
		browser.type("text", "Fresh loaves from seven");
		browser.visible(By.cssSelector("label[for='pick-" + channel + "']")).click();
		until("the channel's counter", () -> counter().equals("23 / 300 characters"));

		WebElement tile = browser.visible(By.cssSelector("label[for='media-" + tulips + "']"));
		assertThat(tile.getText()).contains("Tulips in a row");
		tile.click();
		until("the preview to show the picture", () -> !driver.findElements(
				By.cssSelector("#check-" + channel + " .preview-media img")).isEmpty());

		driver.findElement(By.id("media-upload-file")).sendKeys(upload.toAbsolutePath().toString());
		browser.type("media-upload-alt", "A loaf of rye");
		driver.findElement(By.cssSelector("button[form='media-upload']")).click();
		until("the uploaded picture to be picked too", () -> driver
			.findElements(By.cssSelector("#media-picker input[name=mediaIds]:checked")).size() == 2);
		assertThat(browser.visible(By.id("media-picker")).getText()).contains("A loaf of rye", "Tulips in a row");
		assertThat(browser.path()).as("uploading stays in the composer").isEqualTo("/posts/new");
		assertThat(browser.visible(By.id("text")).getDomProperty("value")).isEqualTo("Fresh loaves from seven");
		until("the preview to show both pictures", () -> driver.findElements(
				By.cssSelector("#check-" + channel + " .preview-media img")).size() == 2);

		WebElement dot = driver.findElement(By.id("campaign-dot"));
		assertThat(dot.getDomAttribute("class")).contains("none");
		new Select(driver.findElement(By.id("campaignId"))).selectByVisibleText("Rye week");
		until("the campaign's colour beside it",
				() -> dot.getCssValue("background-color").equals("rgba(79, 107, 237, 1)"));

		driver.findElement(By.cssSelector("button[name=action][value=add-part]")).click();
		browser.type("thread-0", "Rye on Fridays");
		until("the part's own counter", () -> driver.findElement(By.id("part-check-0")).getText()
			.contains("14 / 300 characters"));
		assertThat(browser.path()).isEqualTo("/posts/new");
		browser.photographHere(SCREENSHOTS, "composer-with-media");

		driver.findElement(By.cssSelector("button[name=action][value=review]")).click();
		browser.newWait().withMessage(() -> "expected the post's page but the browser is at " + driver.getCurrentUrl())
			.until(d -> POST_PAGE.matcher(browser.path()).matches());
		assertThat(browser.visible(By.cssSelector("#main p.notice")).getText())
			.isEqualTo("The post waits for approval.");
		assertThat(browser.visible(By.cssSelector("#review .waiting")).getText())
			.isEqualTo("Waiting for approval by Manager.");
		assertThat(driver.findElements(By.id("approve-comment"))).isEmpty();
		return browser.path();
	}

	private void theManagerApproves(String post) {
		browser.open(post);
		WebElement review = browser.visible(By.id("review"));
		assertThat(review.findElement(By.cssSelector(".review-steps li.current")).getText()).contains("Manager");
		assertThat(driver.findElement(By.cssSelector(".post-media")).getText()).contains("Tulips in a row",
				"A loaf of rye");
		assertThat(driver.findElement(By.cssSelector(".post-thread")).getText()).isEqualTo("Rye on Fridays");
		assertThat(driver.findElement(By.cssSelector("#main .campaign-label")).getText())
			.isEqualTo("Campaign: Rye week");
		browser.photographPages(SCREENSHOTS, Map.of("post-in-review", post));
		browser.type("approve-comment", "Lovely, send it");
		driver.findElement(By.cssSelector("form[action$='/approve'] button[type=submit]")).click();
		browser.waitForUrl(post);
		assertThat(browser.visible(By.cssSelector("#main p.notice")).getText()).isEqualTo("You approved the post.");
		until("the post to show as published", () -> driver
			.findElement(By.cssSelector("#post-live .post-status .badge")).getText().equals("Published"));
		assertThat(driver.findElement(By.cssSelector("#review .decisions")).getText())
			.contains(manager.displayName(), "Approved", "Lovely, send it");
	}

	private void signIn(UserAccount person) {
		browser.signIn(person.email(), TestWorld.PASSWORD);
	}

	private void signOut() {
		browser.viewport(1280, 800);
		driver.findElement(By.cssSelector("nav.mainnav form[action='/logout'] button.link")).click();
		browser.waitForUrl("/login?signedOut");
	}

	private String counter() {
		List<WebElement> counters = driver.findElements(By.cssSelector("#check-" + channel + " .counter"));
		return counters.isEmpty() ? "" : counters.getFirst().getText();
	}

	private void until(String what, java.util.function.BooleanSupplier condition) {
		browser.newWait().withMessage(() -> "waited for " + what).until(d -> condition.getAsBoolean());
	}

	private static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D paint = image.createGraphics();
		paint.setColor(new java.awt.Color(0xd9a441));
		paint.fillRect(0, 0, width, height);
		paint.setColor(new java.awt.Color(0x7a4a1e));
		paint.fillOval(width / 6, height / 4, width * 2 / 3, height / 2);
		paint.dispose();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}
}
