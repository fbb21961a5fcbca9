package app.chorus.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.identity.internal.Totp;
import app.chorus.support.Chromium;

/**
 * One journey through real headless Chromium, the way a person clicks it: first-run setup, sign-in, switching the
 * language to Korean, turning on two-factor sign-in, signing out, and signing in again with a code from the
 * authenticator app. Runs on a database of its own, so the first-run setup page is reachable.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} packages; no browser or driver is downloaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"chorus.data-dir=${chorus.test.data-dir:target/test-data}", "chorus.db.embedded.durable=false",
		"chorus.db.embedded.database=chorus_browser_${random.value}", "chorus.base-url=http://localhost" })
class BrowserJourneyIntegrationTests {

	private static final int TOTP_STEP_SECONDS = 30;

	private static final String WORKSPACE = "Harbour Bakery";
	private static final String NAME = "Mina Park";
	private static final String EMAIL = "mina@example.com";
	private static final String PASSWORD = "correct horse battery staple";

	@LocalServerPort
	int port;

	private Chromium browser;
	private ChromeDriver driver;
	private WebDriverWait wait;
	/** The authenticator app's secret, once two-factor sign-in is on. */
	private String secret;

	@BeforeAll
	static void browserIsInstalled() {
		Chromium.requireInstalled();
	}

	@BeforeEach
	void startBrowser() {
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
	void setUpSignInSpeakKoreanTurnOnTwoFactorAndSignInAgain() throws Exception {
		try {
			setUp();
			logIn();
			switchLanguageToKorean();
			long enrolmentStep = enrolTwoFactor();
			signOut();
			logInWithPasswordOnly();
			refuseWrongSecondFactorCode();
			completeSecondFactor(enrolmentStep);
		}
		catch (Throwable failure) {
			browser.keepEvidence("browser-journey");
			throw failure;
		}
	}

	/** Step 1: with no account yet, / leads via /login to /setup, which creates the owner and the workspace. */
	private void setUp() {
		driver.get(browser.url("/"));
		browser.waitForUrl("/setup");
		browser.type("workspaceName", WORKSPACE);
		browser.type("displayName", NAME);
		browser.type("email", EMAIL);
		browser.type("password", PASSWORD);
		new Select(driver.findElement(By.id("timeZone"))).selectByValue("Europe/Copenhagen");
		submit();
		browser.waitForUrl("/login?setup");
	}

	/** Step 2: the password signs the new owner in (no second factor yet). */
	private void logIn() {
		browser.type("email", EMAIL);
		browser.type("password", PASSWORD);
		submit();
		browser.waitForPage("/");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, " + NAME);
		assertThat(htmlLang()).isEqualTo("en");
	}

	/** Step 3: the language menu in the header switches the whole page to Korean. */
	private void switchLanguageToKorean() {
		String members = koreanMessage("nav.members");
		WebElement page = driver.findElement(By.tagName("html"));
		new Select(driver.findElement(By.id("language-select"))).selectByValue("ko");
		try {
			new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.stalenessOf(page));
		}
		catch (TimeoutException scriptDidNotSubmit) {
			((JavascriptExecutor) driver).executeScript("document.getElementById('language-select').form.submit();");
		}
		wait.until(d -> "ko".equals(htmlLang()));
		browser.waitForPage("/");
		assertThat(htmlLang()).isEqualTo("ko");
		assertThat(membersLink().getText()).isEqualTo(members);
	}

	/**
	 * Step 4: the two-factor page offers a secret; the code the authenticator app would show turns it on, and ten
	 * recovery codes are shown once.
	 * @return the time step whose code was used (and so is spent)
	 */
	private long enrolTwoFactor() {
		driver.findElement(By.cssSelector("nav.mainnav .usermenu a[href='/account/two-factor']")).click();
		browser.waitForPage("/account/two-factor");
		assertThat(driver.findElement(By.cssSelector(".qr svg")).isDisplayed()).isTrue();
		String offered = driver.findElement(By.id("totp-secret")).getText().strip();
		assertThat(offered).matches("[A-Z2-7]{32}");
		Instant now = Instant.now();
		browser.type("code", Totp.code(offered, now));
		submit();
		List<WebElement> codes = wait
			.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("ul#recovery-codes > li")));
		assertThat(codes).hasSize(10);
		assertThat(codes).extracting(WebElement::getText)
			.doesNotHaveDuplicates()
			.allSatisfy(code -> assertThat(code).isNotBlank());
		secret = offered;
		return now.getEpochSecond() / TOTP_STEP_SECONDS;
	}

	/** Step 5: the sign-out button in the header ends the session. */
	private void signOut() {
		driver.findElement(By.cssSelector("nav.mainnav form[action='/logout'] button.link")).click();
		browser.waitForUrl("/login?signedOut");
	}

	/** Step 6a: the password alone is no longer enough: it leads to the second-factor page. */
	private void logInWithPasswordOnly() {
		browser.type("email", EMAIL);
		browser.type("password", PASSWORD);
		submit();
		browser.waitForPage("/login/two-factor");
	}

	/** Step 6b: a wrong code is refused, and nobody is signed in. */
	private void refuseWrongSecondFactorCode() {
		browser.type("code", wrongCode());
		submit();
		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")));
		assertThat(error.getText()).isNotBlank();
		assertThat(driver.getCurrentUrl()).isEqualTo(browser.url("/login/two-factor"));
		assertThat(driver.findElements(By.cssSelector("nav.mainnav .usermenu"))).isEmpty();
		assertThat(driver.findElements(By.id("code"))).hasSize(1);
	}

	/**
	 * Step 6c: a fresh code signs in, back to the home page, still in Korean. The code used to enrol is spent (codes
	 * are good once), so this waits for the next 30-second step.
	 */
	private void completeSecondFactor(long enrolmentStep) throws InterruptedException {
		waitForTimeStepAfter(enrolmentStep);
		browser.type("code", Totp.code(secret, Instant.now()));
		submit();
		browser.waitForPage("/");
		assertThat(htmlLang()).isEqualTo("ko");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains(NAME);
		assertThat(membersLink().getText()).isEqualTo(koreanMessage("nav.members"));
	}

	// --- helpers ---

	/** Clicks the submit button of the page's own form (not the header's language or sign-out forms). */
	private void submit() {
		driver.findElement(By.cssSelector("#main form button[type=submit]")).click();
	}

	private String htmlLang() {
		return driver.findElement(By.tagName("html")).getDomAttribute("lang");
	}

	private WebElement membersLink() {
		return driver.findElement(By.cssSelector("nav.mainnav a[href='/members']"));
	}

	/** Six digits that are not the code of any time step near now. */
	private String wrongCode() {
		long now = Instant.now().getEpochSecond();
		List<String> near = Stream.of(-2, -1, 0, 1, 2)
			.map(offset -> Totp.code(secret, Instant.ofEpochSecond(now + (long) offset * TOTP_STEP_SECONDS)))
			.toList();
		for (int candidate = 123456;; candidate = (candidate + 111111) % 1_000_000) {
			String code = String.format("%06d", candidate);
			if (!near.contains(code)) {
				return code;
			}
		}
	}

	private static void waitForTimeStepAfter(long step) throws InterruptedException {
		long nextStepStartsAt = (step + 1) * TOTP_STEP_SECONDS * 1000;
		long millis = nextStepStartsAt - Instant.now().toEpochMilli();
		if (millis > 0) {
			Thread.sleep(millis + 250);
		}
	}

	/** The Korean text for {@code key}, read from the message bundle itself so the test follows the translation. */
	private static String koreanMessage(String key) {
		try (InputStream in = BrowserJourneyIntegrationTests.class.getClassLoader()
			.getResourceAsStream("messages_ko.properties")) {
			if (in == null) {
				return fail("messages_ko.properties (src/main/resources) is not on the classpath: the Korean "
						+ "translation is needed to check the language switch");
			}
			Properties messages = new Properties();
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				messages.load(reader);
			}
			String value = messages.getProperty(key);
			assertThat(value).as("key %s in messages_ko.properties", key).isNotBlank();
			return value.strip();
		}
		catch (IOException e) {
			return fail("could not read messages_ko.properties", e);
		}
	}
}
