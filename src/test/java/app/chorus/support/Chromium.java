package app.chorus.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its chromedriver, pointed at the test application on {@code port}: the
 * browser the browser tests click through, with the waits and the evidence they all need. Starts in English at
 * 1280x800 with a throw-away profile; {@link #close()} quits it and deletes the profile.
 * <p>
 * Needs the {@code chromium} and {@code chromium-driver} packages; no browser or driver is ever downloaded.
 */
public final class Chromium implements AutoCloseable {

	private static final Path BROWSER = Paths.get("/usr/bin/chromium");
	private static final Path DRIVER = Paths.get("/usr/bin/chromedriver");
	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final int port;
	private final Path profile;
	private final ChromeDriver driver;
	private final WebDriverWait wait;

	private Chromium(int port) throws IOException {
		this.port = port;
		this.profile = Files.createTempDirectory("chorus-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,800", "--user-data-dir=" + profile, "--lang=en-US");
		// every journey starts in English whatever the machine's language is
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(DRIVER.toString()))
			.build();
		try {
			this.driver = new ChromeDriver(service, options);
		}
		catch (RuntimeException e) {
			deleteProfile();
			throw e;
		}
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		// a page may be replaced between finding an element and reading it: look again
		this.wait = newWait();
	}

	/** Fails with the command that installs them when Debian's Chromium or its driver is missing. */
	public static void requireInstalled() {
		for (Path program : List.of(BROWSER, DRIVER)) {
			if (!Files.isExecutable(program)) {
				fail(program + " is missing. The browser tests drive Debian's Chromium and never download a browser "
						+ "or driver: install them with `apt-get install -y --no-install-recommends chromium "
						+ "chromium-driver`.");
			}
		}
	}

	/** Starts a browser for the application listening on {@code port} of localhost. */
	public static Chromium start(int port) {
		try {
			return new Chromium(port);
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not make a Chromium profile folder", e);
		}
	}

	public ChromeDriver driver() {
		return driver;
	}

	/**
	 * Waits of up to ten seconds that look again when the page was replaced meanwhile. Shared: give a message to one
	 * wait with {@link #newWait()} instead, or it sticks to every later one.
	 */
	public WebDriverWait waiting() {
		return wait;
	}

	/** A wait like {@link #waiting()} of its own, for a wait with a message. */
	public WebDriverWait newWait() {
		WebDriverWait fresh = new WebDriverWait(driver, TIMEOUT);
		fresh.ignoring(StaleElementReferenceException.class);
		return fresh;
	}

	public String url(String pathAndQuery) {
		return "http://localhost:" + port + pathAndQuery;
	}

	public void open(String pathAndQuery) {
		driver.get(url(pathAndQuery));
	}

	/** Waits until the browser shows exactly {@code pathAndQuery} on this server. */
	public void waitForUrl(String pathAndQuery) {
		newWait().withMessage(() -> "expected to be at " + pathAndQuery + " but the browser is at "
				+ driver.getCurrentUrl() + " (page title: " + driver.getTitle() + ")")
			.until(ExpectedConditions.urlToBe(url(pathAndQuery)));
	}

	/**
	 * Waits until the browser shows the page at {@code path} on this server, whatever the query (after signing in,
	 * Spring Security's saved request may add its {@code ?continue} marker).
	 */
	public void waitForPage(String path) {
		newWait().withMessage(() -> "expected to be on the page " + path + " but the browser is at "
				+ driver.getCurrentUrl() + " (page title: " + driver.getTitle() + ")")
			.until(d -> {
				URI at = URI.create(d.getCurrentUrl());
				return at.getPort() == port && path.equals(at.getPath());
			});
	}

	/** The path of the page the browser shows. */
	public String path() {
		return URI.create(driver.getCurrentUrl()).getPath();
	}

	/** Waits for the field with the id to be visible, empties it and types the text. */
	public void type(String id, String text) {
		WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
		field.clear();
		field.sendKeys(text);
	}

	/** Waits for the element to be visible and returns it. */
	public WebElement visible(By locator) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/**
	 * Makes the page {@code width} CSS pixels wide and {@code height} high, as a phone or laptop screen would be
	 * (mobile emulation below 768 px, so the page's viewport meta tag counts as on a phone).
	 */
	public void viewport(int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 768));
	}

	/** Saves a PNG of the whole page, scrolled length included, at the current viewport width. */
	public Path screenshot(Path file) {
		Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
		Map<String, Object> wholePage = Map.of("x", 0, "y", 0, "width", content.get("width"), "height",
				content.get("height"), "scale", 1);
		Object png = driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", wholePage)).get("data");
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			return Files.write(file, Base64.getDecoder().decode((String) png));
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not save the screenshot " + file, e);
		}
	}

	/** Signs in through the sign-in page and waits for the home page. */
	public void signIn(String email, String password) {
		open("/login");
		type("email", email);
		type("password", password);
		driver.findElement(org.openqa.selenium.By.cssSelector("#main form button[type=submit]")).click();
		waitForPage("/");
	}

	/** How many CSS pixels the page scrolls sideways (0 or less: it fits its width). */
	public long sidewaysScroll() {
		return (Long) driver.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
	}

	/**
	 * Photographs the page as it is now (nothing reloaded) at a laptop's 1280x800 and a phone's 375x800 into
	 * {@code folder} (file name: {@code name} and the width), and fails when it scrolls sideways at either.
	 */
	public void photographHere(Path folder, String name) {
		Map<String, Long> sideways = new java.util.LinkedHashMap<>();
		for (int width : java.util.List.of(1280, 375)) {
			viewport(width, 800);
			String file = name + "-" + width + ".png";
			screenshot(folder.resolve(file));
			sideways.put(file, sidewaysScroll());
		}
		viewport(1280, 800);
		requireNoSidewaysScroll(sideways);
	}

	/**
	 * Opens each page (name to path) at a laptop's and a phone's width, waits for its heading, photographs it into
	 * {@code folder}, and fails when any scrolls sideways (lists stack instead).
	 */
	public void photographPages(Path folder, Map<String, String> pagesByName) {
		Map<String, Long> sideways = new java.util.LinkedHashMap<>();
		for (int width : java.util.List.of(1280, 375)) {
			viewport(width, 800);
			pagesByName.forEach((name, page) -> {
				open(page);
				waitForPage(page);
				visible(org.openqa.selenium.By.cssSelector("#main h1"));
				String file = name + "-" + width + ".png";
				screenshot(folder.resolve(file));
				sideways.put(file, sidewaysScroll());
			});
		}
		viewport(1280, 800);
		requireNoSidewaysScroll(sideways);
	}

	private static void requireNoSidewaysScroll(Map<String, Long> sidewaysByPage) {
		org.assertj.core.api.Assertions.assertThat(sidewaysByPage).as("pixels each page scrolls sideways")
			.allSatisfy((page, pixels) -> org.assertj.core.api.Assertions.assertThat(pixels).as(page)
				.isLessThanOrEqualTo(0));
	}

	/** Keeps a screenshot and the HTML of the page a failed journey stopped on, under target/{@code folder}. */
	public void keepEvidence(String folder) {
		try {
			Path into = Files.createDirectories(Paths.get("target", folder));
			Files.writeString(into.resolve("page.html"),
					"<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
			Files.write(into.resolve("page.png"), driver.getScreenshotAs(OutputType.BYTES));
			System.err.println("Browser journey failed at " + driver.getCurrentUrl() + "; page saved to "
					+ into.toAbsolutePath());
		}
		catch (RuntimeException | IOException e) {
			System.err.println("Could not keep the failed page: " + e);
		}
	}

	@Override
	public void close() throws IOException {
		try {
			driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private void deleteProfile() throws IOException {
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
	}
}
