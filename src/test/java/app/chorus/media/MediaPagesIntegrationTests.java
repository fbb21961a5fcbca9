package app.chorus.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.identity.UserAccount;
import app.chorus.support.Multipart;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;

/**
 * The media pages as a signed-in browser uses them: the navigation entry, uploading through the form (multipart, with
 * its CSRF token), the missing alt text flagged, the focal point and alt text saved, the crops shown and served, and
 * a refused file explained on the page.
 */
@ChorusIntegrationTest
class MediaPagesIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	HttpClient browser;
	Membership workspace;
	UserAccount owner;
	String csrf = "";

	@BeforeEach
	void signedIn() {
		browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		workspace = world.workspace("media-pages");
		owner = world.owner(workspace);
		get("/login");
		HttpResponse<String> signedIn = postForm("/login", Map.of("email", owner.email(), "password",
				TestWorld.PASSWORD));
		assertThat(signedIn.statusCode()).isEqualTo(302);
	}

	@Test
	void uploadingThroughTheFormFlagsMissingAltTextUntilItIsWritten() {
		HttpResponse<String> library = get("/media");
		assertThat(library.statusCode()).isEqualTo(200);
		assertThat(library.body()).contains("href=\"/media\"").contains("Media library").contains("No media yet");

		Multipart form = Multipart.of(Map.of("_csrf", csrf), "file", "bands.png", "image/png",
				TestMedia.png(TestMedia.bands(300, 200)));
		HttpResponse<String> uploaded = send(HttpRequest.newBuilder(uri("/media"))
			.header("Content-Type", form.contentType()).POST(form.publisher()));
		assertThat(uploaded.statusCode()).isEqualTo(302);
		String itemPath = URI.create(uploaded.headers().firstValue("Location").orElseThrow()).getPath();
		assertThat(itemPath).startsWith("/media/");

		HttpResponse<String> item = get(itemPath);
		assertThat(item.statusCode()).isEqualTo(200);
		assertThat(item.body()).contains("Now add alt text").contains("This has no alt text yet")
			.contains("Portrait 4:5").contains(itemPath + "/renditions/portrait").contains("data-focal-picker")
			.contains("/js/media.js");
		assertThat(get("/media").body()).contains("Missing alt text").contains(itemPath + "/renditions/thumbnail");

		HttpResponse<String> saved = postForm(itemPath, Map.of("altText", "Three coloured bands", "focalX", "0",
				"focalY", "0.5"));
		assertThat(saved.statusCode()).isEqualTo(302);
		HttpResponse<String> after = get(itemPath);
		assertThat(after.body()).contains("Three coloured bands").doesNotContain("This has no alt text yet")
			.contains("value=\"0.0\"");
		assertThat(get("/media").body()).doesNotContain("Missing alt text");

		HttpResponse<byte[]> thumbnail = bytes(itemPath + "/renditions/thumbnail");
		assertThat(thumbnail.statusCode()).isEqualTo(200);
		assertThat(thumbnail.headers().firstValue("Content-Type")).contains("image/jpeg");
		assertThat(bytes(itemPath + "/file").headers().firstValue("Content-Type")).contains("image/png");
	}

	@Test
	void aVideoPageSaysItIsPublishedAsUploaded() {
		get("/media");
		Multipart form = Multipart.of(Map.of("_csrf", csrf, "altText", "Our teaser"), "file", "teaser.mov",
				"video/quicktime", IsoBoxes.video("qt  ", 0, 600, 600 * 42, 1080, 1920, false, false));
		HttpResponse<String> uploaded = send(HttpRequest.newBuilder(uri("/media"))
			.header("Content-Type", form.contentType()).POST(form.publisher()));
		assertThat(uploaded.statusCode()).isEqualTo(302);
		String itemPath = URI.create(uploaded.headers().firstValue("Location").orElseThrow()).getPath();
		HttpResponse<String> item = get(itemPath);
		assertThat(item.statusCode()).isEqualTo(200);
		assertThat(item.body()).contains("<video").contains("Videos are published as uploaded")
			.contains("1080 × 1920 px").contains("42 s").contains("video/quicktime")
			.doesNotContain("Focal point").doesNotContain("data-focal-picker");
		assertThat(get("/media").body()).contains("teaser.mov").contains("media-placeholder");
	}

	@Test
	void aRefusedFileIsExplainedBesideTheForm() {
		get("/media");
		Multipart form = Multipart.of(Map.of("_csrf", csrf), "file", "notes.png", "image/png",
				"not a picture at all".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/media"))
			.header("Content-Type", form.contentType()).POST(form.publisher()));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("This file is not a JPEG, PNG, WebP or GIF image")
			.contains("aria-invalid=\"true\"");
	}

	@Test
	void aViewerSeesTheLibraryButNoUploadForm() {
		UserAccount viewer = world.member(workspace, "viewer", Role.VIEWER);
		browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		get("/login");
		postForm("/login", Map.of("email", viewer.email(), "password", TestWorld.PASSWORD));
		HttpResponse<String> library = get("/media");
		assertThat(library.statusCode()).isEqualTo(200);
		assertThat(library.body()).contains("Media library").doesNotContain("enctype=\"multipart/form-data\"");
	}

	private HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	private HttpResponse<byte[]> bytes(String path) {
		try {
			return browser.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private HttpResponse<String> postForm(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf);
		String form = all.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = browser.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher matcher = CSRF.matcher(response.body());
			if (matcher.find()) {
				csrf = matcher.group(1);
			}
			return response;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
