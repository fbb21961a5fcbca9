package app.chorus.publishing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.identity.IdentityManagement;
import app.chorus.identity.UserAccount;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.Chromium;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.internal.WorkspaceService;

/**
 * The calendar in real headless Chromium, for a person in Auckland (13 hours ahead of UTC in December, so a post's
 * UTC day is not its day there): the scheduled post shows on its day in month view; dragged with the mouse to another
 * day, the server moves it and it keeps its time of day in the person's zone; a post that can no longer be moved snaps
 * back with the server's reason in the alert region. Photographed at laptop and phone widths under
 * target/calendar-screenshots; on a phone the calendar opens as a list and nothing scrolls sideways.
 */
@ChorusIntegrationTest
class CalendarBrowserIntegrationTests {

	private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
	private static final LocalTime HALF_PAST_NINE = LocalTime.of(9, 30);
	private static final Path SCREENSHOTS = Paths.get("target", "calendar-screenshots");

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	IdentityManagement identity;

	@Autowired
	WorkspaceService workspaces;

	private Api api;
	private Chromium browser;
	private ChromeDriver driver;
	private UserAccount owner;
	private String token;
	private String channel;
	private String campaign;

	@BeforeAll
	static void browserIsInstalled() {
		Chromium.requireInstalled();
	}

	@BeforeEach
	void aPersonInAucklandWithABlueskyChannelAndABrowser() {
		api = new Api(port);
		owner = identity.createAccount(TestWorld.uniqueEmail("aroha"), "Aroha", TestWorld.PASSWORD, Locale.ENGLISH,
				AUCKLAND, null);
		Membership workspace = workspaces.create("Calendar " + UUID.randomUUID().toString().substring(0, 6), AUCKLAND,
				owner);
		token = world.token(owner, workspace);
		String did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "harbour.test", "Harbour");
		Api.Response connected = api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl",
				pds.baseUrl(), "handle", "harbour.test", "appPassword", "abcd-efgh-ijkl-mnop"));
		assertThat(connected.status()).isEqualTo(201);
		channel = connected.json().get("id").asString();
		campaign = api.post("/api/v1/campaigns", token, Map.of("name", "Summer menu", "colour", "#f2c94c"))
			.json().get("id").asString();
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
	void aPostDraggedToAnotherDayKeepsItsTimeOfDayInThePersonsZone() {
		LocalDate tomorrow = LocalDate.now(AUCKLAND).plusDays(1);
		LocalDate twoDaysLater = tomorrow.plusDays(2);
		String post = schedule("Fresh bread on the harbour", tomorrow, campaign);
		String withdrawn = schedule("Withdrawn before it was moved", tomorrow, null);
		try {
			signIn();
			openTheCalendarFromTheNavigation();
			WebElement event = eventOn(tomorrow, "Fresh bread on the harbour");
			assertThat(event.getText()).contains("9:30", "Scheduled");
			photograph("calendar-month");

			drag(event, tomorrow, twoDaysLater);
			until("the page to say the post moved", () -> status().startsWith("Moved: the post now goes out"));
			Instant moved = ZonedDateTime.of(twoDaysLater, HALF_PAST_NINE, AUCKLAND).toInstant();
			until("the server to hold the new time", () -> scheduledAt(post).equals(moved));
			assertThat(api.get("/api/v1/posts/" + post, token).json().get("variants").get(0).get("scheduledAt")
				.asString()).isEqualTo(moved.toString());
			eventOn(twoDaysLater, "Fresh bread on the harbour");
			assertThat(alert()).isEmpty();

			assertThat(api.delete("/api/v1/posts/" + withdrawn, token).status()).isEqualTo(200);
			drag(eventOn(tomorrow, "Withdrawn before it was moved"), tomorrow, twoDaysLater);
			until("the refusal to show", () -> alert().equals("Nothing in this post is waiting to be published."));
			assertThat(eventsOn(twoDaysLater)).as("it snapped back").noneMatch(e -> e.getText()
				.contains("Withdrawn before it was moved"));
			assertThat(scheduledAt(withdrawn)).isEqualTo(ZonedDateTime.of(tomorrow, HALF_PAST_NINE, AUCKLAND)
				.toInstant());
			photograph("calendar-refused");

			theWeekShowsThePostAtItsTime(twoDaysLater);

			photographOnAPhone();
			inDanishTheWeekStartsOnMonday();
		}
		catch (Throwable failure) {
			browser.keepEvidence("calendar-browser");
			throw failure;
		}
	}

	/** The week view (weeks start on Sunday in American English) places the post in its day's column. */
	private void theWeekShowsThePostAtItsTime(LocalDate day) {
		driver.findElement(By.cssSelector(".fc-timeGridWeek-button")).click();
		LocalDate sunday = LocalDate.now(AUCKLAND).minusDays(LocalDate.now(AUCKLAND).getDayOfWeek().getValue() % 7);
		if (!day.isBefore(sunday.plusDays(7))) {
			driver.findElement(By.cssSelector(".fc-next-button")).click();
		}
		WebElement event = browser.newWait().withMessage(() -> "expected the post in the week's column for " + day)
			.until(d -> d.findElements(By.cssSelector("td.fc-timegrid-col[data-date='" + day + "'] .fc-event"))
				.stream().findFirst().orElse(null));
		assertThat(event.getText()).contains("9:30", "Fresh bread on the harbour");
		photograph("calendar-week");
		driver.findElement(By.cssSelector(".fc-dayGridMonth-button")).click();
	}

	private String schedule(String text, LocalDate day, String campaignId) {
		Map<String, Object> body = new LinkedHashMap<>(Map.of("text", text, "channelIds", List.of(channel),
				"scheduledAt", ZonedDateTime.of(day, HALF_PAST_NINE, AUCKLAND).toInstant().toString()));
		if (campaignId != null) {
			body.put("campaignId", campaignId);
		}
		Api.Response created = api.post("/api/v1/posts", token, body);
		assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private void signIn() {
		browser.signIn(owner.email(), TestWorld.PASSWORD);
	}

	private void openTheCalendarFromTheNavigation() {
		List<String> navigation = driver.findElements(By.cssSelector("nav.mainnav ul a")).stream()
			.map(WebElement::getText).toList();
		assertThat(navigation).containsSubsequence("Posts", "Calendar", "Channels");
		driver.findElement(By.cssSelector("nav.mainnav a[href='/calendar']")).click();
		browser.waitForPage("/calendar");
		assertThat(browser.visible(By.cssSelector("#main h1")).getText()).isEqualTo("Calendar");
		assertThat(browser.visible(By.cssSelector("#main p.hint")).getText()).contains("Pacific/Auckland");
		assertThat(browser.visible(By.cssSelector(".fc-dayGridMonth-button")).getText()).isEqualTo("Month");
		assertThat(driver.findElement(By.cssSelector(".fc-listMonth-button")).getText()).isEqualTo("List");
		assertThat(driver.findElement(By.cssSelector(".fc-today-button")).getText()).isEqualTo("Today");
	}

	/**
	 * Drags with the mouse, as a person would: press on the post, move a little (FullCalendar starts a drag after a
	 * few pixels), move onto the day's cell, let go.
	 */
	private void drag(WebElement event, LocalDate from, LocalDate to) {
		WebElement target = driver.findElement(By.cssSelector("td.fc-daygrid-day[data-date='" + to + "']"));
		new Actions(driver).moveToElement(event).clickAndHold().moveByOffset(8, 8).pause(Duration.ofMillis(100))
			.moveToElement(target).pause(Duration.ofMillis(100)).moveByOffset(2, 2).pause(Duration.ofMillis(100))
			.release().perform();
	}

	private WebElement eventOn(LocalDate day, String title) {
		return browser.newWait().withMessage(() -> "expected the post \"" + title + "\" on " + day)
			.until(d -> eventsOn(day).stream().filter(e -> e.getText().contains(title)).findFirst().orElse(null));
	}

	private List<WebElement> eventsOn(LocalDate day) {
		return driver.findElements(By.cssSelector("td.fc-daygrid-day[data-date='" + day + "'] .fc-event"));
	}

	private String status() {
		return driver.findElement(By.id("calendar-status-message")).getText();
	}

	private String alert() {
		return driver.findElement(By.id("calendar-alert")).getText();
	}

	private Instant scheduledAt(String post) {
		return Instant.parse(api.get("/api/v1/posts/" + post, token).json().get("scheduledAt").asString());
	}

	private void photograph(String name) {
		browser.screenshot(SCREENSHOTS.resolve(name + "-1280.png"));
	}

	/** On a phone the calendar opens as a list of the month's posts, and no page scrolls sideways. */
	private void photographOnAPhone() {
		browser.viewport(375, 800);
		browser.open("/calendar");
		WebElement listed = browser.newWait().withMessage(() -> "expected the list view on a phone")
			.until(d -> d.findElements(By.cssSelector(".fc-list-event")).stream()
				.filter(e -> e.getText().contains("Fresh bread on the harbour")).findFirst().orElse(null));
		assertThat(listed.getText()).contains("Scheduled");
		browser.screenshot(SCREENSHOTS.resolve("calendar-list-375.png"));
		assertThat(browser.sidewaysScroll()).as("pixels the calendar scrolls sideways on a phone").isLessThanOrEqualTo(0);
		driver.findElement(By.cssSelector(".fc-dayGridMonth-button")).click();
		eventOn(LocalDate.now(AUCKLAND).plusDays(3), "Fresh bread on the harbour");
		browser.screenshot(SCREENSHOTS.resolve("calendar-month-375.png"));
		browser.viewport(1280, 800);
	}

	/** In Danish every button speaks Danish and the week starts on Monday, as it does in Denmark. */
	private void inDanishTheWeekStartsOnMonday() {
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("language-select"))).selectByValue("da");
		browser.waitForPage("/calendar");
		until("the calendar in Danish", () -> driver.findElements(By.cssSelector(".fc-today-button")).stream()
			.anyMatch(b -> b.getText().equals("I dag")));
		assertThat(driver.findElement(By.cssSelector(".fc-dayGridMonth-button")).getText()).isEqualTo("Måned");
		assertThat(driver.findElement(By.cssSelector(".fc-timeGridWeek-button")).getText()).isEqualTo("Uge");
		assertThat(driver.findElement(By.cssSelector(".fc-listMonth-button")).getText()).isEqualTo("Liste");
		assertThat(driver.findElement(By.cssSelector("th.fc-col-header-cell")).getDomAttribute("class"))
			.contains("fc-day-mon");
		WebElement event = eventOn(LocalDate.now(AUCKLAND).plusDays(3), "Fresh bread on the harbour");
		assertThat(event.getText()).contains("9.30", "Planlagt");
		browser.screenshot(SCREENSHOTS.resolve("calendar-month-da-1280.png"));
	}

	private void until(String what, java.util.function.BooleanSupplier condition) {
		browser.newWait().withMessage(() -> "waited for " + what).until(d -> condition.getAsBoolean());
	}
}
