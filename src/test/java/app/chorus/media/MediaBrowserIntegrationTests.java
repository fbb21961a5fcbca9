package app.chorus.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.identity.UserAccount;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;

/**
 * The focal point picker in Debian's Chromium (headless): upload through the page, click the right of the picture,
 * see the number fields and the marker follow, save, and find the crops cut around the new point. Screenshots of both
 * pages are kept in {@code target/media-browser}.
 */
@ChorusIntegrationTest
class MediaBrowserIntegrationTests {

	private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
	private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
	private static final Path EVIDENCE = Paths.get("target", "media-browser");

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	ChromeDriver driver;
	WebDriverWait wait;
	Path profile;
	Path picture;

	@BeforeAll
	static void browserIsInstalled() {
		for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(program)) {
				fail(program + " is missing: install Debian's chromium and chromium-driver packages.");
			}
		}
	}

	@BeforeEach
	void startBrowser() throws IOException {
		profile = Files.createTempDirectory("chorus-chromium-");
		picture = Files.createTempFile("chorus-bands-", ".png");
		Files.write(picture, TestMedia.png(TestMedia.bands(600, 400)));
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900", "--user-data-dir=" + profile, "--lang=en-US");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		driver = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).build(),
				options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		wait.ignoring(StaleElementReferenceException.class);
	}

	@AfterEach
	void quitBrowser() throws IOException {
		if (driver != null) {
			driver.quit();
		}
		Files.deleteIfExists(picture);
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
	}

	@Test
	void clickingThePictureSetsTheFocalPointAndSavingCutsNewCrops() throws IOException {
		Membership workspace = world.workspace("media-browser");
		UserAccount owner = world.owner(workspace);
		driver.get(url("/login"));
		driver.findElement(By.id("email")).sendKeys(owner.email());
		driver.findElement(By.id("password")).sendKeys(TestWorld.PASSWORD);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe(url("/")));

		driver.findElement(By.linkText("Media")).click();
		wait.until(ExpectedConditions.urlToBe(url("/media")));
		driver.findElement(By.id("media-file")).sendKeys(picture.toString());
		driver.findElement(By.id("media-alt")).sendKeys("Red, green and blue bands");
		driver.findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]")).click();
		wait.until(ExpectedConditions.urlMatches("/media/[0-9a-f-]{36}$"));
		assertThat(driver.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Uploaded.");

		WebElement image = driver.findElement(By.cssSelector("[data-focal-picker] img"));
		wait.until(d -> ((Number) driver.executeScript("return arguments[0].naturalWidth", image)).intValue() > 0);
		int width = image.getSize().getWidth();
		int height = image.getSize().getHeight();
		// Selenium measures offsets from the element's centre: this clicks 90% across, a quarter down
		new Actions(driver).moveToElement(image, (int) (width * 0.4), -(int) (height * 0.25)).click().perform();
		double x = Double.parseDouble(driver.findElement(By.id("focal-x")).getDomProperty("value"));
		double y = Double.parseDouble(driver.findElement(By.id("focal-y")).getDomProperty("value"));
		assertThat(x).isCloseTo(0.9, org.assertj.core.data.Offset.offset(0.02));
		assertThat(y).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.02));
		String style = driver.findElement(By.cssSelector(".focal-marker")).getAttribute("style");
		java.util.regex.Matcher left = java.util.regex.Pattern.compile("left: ([0-9.]+)%").matcher(style);
		assertThat(left.find()).as(style).isTrue();
		assertThat(Double.parseDouble(left.group(1))).as("the marker moved to the click")
			.isCloseTo(90, org.assertj.core.data.Offset.offset(2.0));

		driver.findElement(By.cssSelector("form.stack button.primary")).click();
		wait.until(ExpectedConditions.textToBe(By.cssSelector("p.notice"), "Saved."));
		assertThat(Double.parseDouble(driver.findElement(By.id("focal-x")).getDomProperty("value")))
			.isCloseTo(0.9, org.assertj.core.data.Offset.offset(0.02));
		String square = driver.findElement(By.cssSelector(".rendition-grid img")).getAttribute("src");
		assertThat(square).contains("/renditions/square").contains("v=2");
		wait.until(d -> ((Number) driver.executeScript(
				"return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).length"))
			.intValue() == 0);
		screenshot("item.png");

		driver.get(url("/media"));
		// waits for the library, and says what the browser shows instead when it does not come
		WebElement badge = new WebDriverWait(driver, Duration.ofSeconds(10))
			.withMessage(() -> "no media tile at " + driver.getCurrentUrl() + " (" + driver.getTitle() + "): "
					+ driver.findElement(By.tagName("body")).getText())
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".media-tile .badge")));
		assertThat(badge.getText()).isEqualTo("Alt text");
		screenshot("library.png");
	}

	private void screenshot(String name) throws IOException {
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1800));
		Files.createDirectories(EVIDENCE);
		Files.write(EVIDENCE.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
