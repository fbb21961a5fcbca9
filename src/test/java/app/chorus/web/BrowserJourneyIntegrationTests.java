package app.chorus.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.identity.internal.Totp;

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

	private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
	private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
	private static final int TOTP_STEP_SECONDS = 30;

	private static final String WORKSPACE = "Harbour Bakery";
	private static final String NAME = "Mina Park";
	private static final String EMAIL = "mina@example.com";
	private static final String PASSWORD = "correct horse battery staple";

	@LocalServerPort
	int port;

	private ChromeDriver driver;
	private WebDriverWait wait;
	private Path profile;
	/** The authenticator app's secret, once two-factor sign-in is on. */
	private String secret;

	@BeforeAll
	static void browserIsInstalled() {
		for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(program)) {
				fail(program + " is missing. The browser tests drive Debian's Chromium and never download a browser "
						+ "or driver: install them with `apt-get install -y --no-install-recommends chromium "
						+ "chromium-driver`.");
			}
		}
	}

	@BeforeEach
	void startBrowser() throws IOException {
		profile = Files.createTempDirectory("chorus-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,800", "--user-data-dir=" + profile, "--lang=en-US");
		// the journey starts in English whatever the machine's language is
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		// a page may be replaced between finding an element and reading it: look again
		wait.ignoring(StaleElementReferenceException.class);
	}

	@AfterEach
	void quitBrowser() throws IOException {
		if (driver != null) {
			driver.quit();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
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
			keepEvidence();
			throw failure;
		}
	}

	/** Step 1: with no account yet, / leads via /login to /setup, which creates the owner and the workspace. */
	private void setUp() {
		driver.get(url("/"));
		waitForUrl("/setup");
		type("workspaceName", WORKSPACE);
		type("displayName", NAME);
		type("email", EMAIL);
		type("password", PASSWORD);
		new Select(driver.findElement(By.id("timeZone"))).selectByValue("Europe/Copenhagen");
		submit();
		waitForUrl("/login?setup");
	}

	/** Step 2: the password signs the new owner in (no second factor yet). */
	private void logIn() {
		type("email", EMAIL);
		type("password", PASSWORD);
		submit();
		waitForPage("/");
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
		waitForPage("/");
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
		waitForPage("/account/two-factor");
		assertThat(driver.findElement(By.cssSelector(".qr svg")).isDisplayed()).isTrue();
		String offered = driver.findElement(By.id("totp-secret")).getText().strip();
		assertThat(offered).matches("[A-Z2-7]{32}");
		Instant now = Instant.now();
		type("code", Totp.code(offered, now));
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
		waitForUrl("/login?signedOut");
	}

	/** Step 6a: the password alone is no longer enough: it leads to the second-factor page. */
	private void logInWithPasswordOnly() {
		type("email", EMAIL);
		type("password", PASSWORD);
		submit();
		waitForPage("/login/two-factor");
	}

	/** Step 6b: a wrong code is refused, and nobody is signed in. */
	private void refuseWrongSecondFactorCode() {
		type("code", wrongCode());
		submit();
		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")));
		assertThat(error.getText()).isNotBlank();
		assertThat(driver.getCurrentUrl()).isEqualTo(url("/login/two-factor"));
		assertThat(driver.findElements(By.cssSelector("nav.mainnav .usermenu"))).isEmpty();
		assertThat(driver.findElements(By.id("code"))).hasSize(1);
	}

	/**
	 * Step 6c: a fresh code signs in, back to the home page, still in Korean. The code used to enrol is spent (codes
	 * are good once), so this waits for the next 30-second step.
	 */
	private void completeSecondFactor(long enrolmentStep) throws InterruptedException {
		waitForTimeStepAfter(enrolmentStep);
		type("code", Totp.code(secret, Instant.now()));
		submit();
		waitForPage("/");
		assertThat(htmlLang()).isEqualTo("ko");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains(NAME);
		assertThat(membersLink().getText()).isEqualTo(koreanMessage("nav.members"));
	}

	// --- helpers ---

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** Waits until the browser shows exactly {@code pathAndQuery} on this server. */
	private void waitForUrl(String pathAndQuery) {
		wait.withMessage(() -> "expected to be at " + pathAndQuery + " but the browser is at "
				+ driver.getCurrentUrl() + " (page title: " + driver.getTitle() + ")")
			.until(ExpectedConditions.urlToBe(url(pathAndQuery)));
	}

	/**
	 * Waits until the browser shows the page at {@code path} on this server, whatever the query (after signing in,
	 * Spring Security's saved request may add its {@code ?continue} marker).
	 */
	private void waitForPage(String path) {
		wait.withMessage(() -> "expected to be on the page " + path + " but the browser is at "
				+ driver.getCurrentUrl() + " (page title: " + driver.getTitle() + ")")
			.until(d -> {
				URI at = URI.create(d.getCurrentUrl());
				return at.getPort() == port && path.equals(at.getPath());
			});
	}

	private void type(String id, String text) {
		WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
		field.clear();
		field.sendKeys(text);
	}

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

	/** Keeps a screenshot and the HTML of the page the journey stopped on, under target/browser-journey. */
	private void keepEvidence() {
		try {
			Path folder = Files.createDirectories(Paths.get("target", "browser-journey"));
			Files.writeString(folder.resolve("page.html"),
					"<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
			Files.write(folder.resolve("page.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			System.err.println("Browser journey failed at " + driver.getCurrentUrl() + "; page saved to "
					+ folder.toAbsolutePath());
		}
		catch (RuntimeException | IOException e) {
			System.err.println("Could not keep the failed page: " + e);
		}
	}
}
