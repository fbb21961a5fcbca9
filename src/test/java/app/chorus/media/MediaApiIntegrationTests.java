package app.chorus.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.chorus.channels.spi.MediaItem;
import app.chorus.channels.spi.Surface;
import app.chorus.identity.IdentityManagement;
import app.chorus.identity.UserAccount;
import app.chorus.media.storage.LocalMediaStorage;
import app.chorus.media.storage.MediaStorage;
import app.chorus.shared.web.ChorusException;
import app.chorus.support.Multipart;
import app.chorus.support.Api;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The media library through the API: uploads whose type comes from their bytes, renditions of the right shape that
 * follow the focal point, videos kept as uploaded, files removed with their media, and another workspace that finds
 * nothing at all.
 */
@ChorusIntegrationTest
class MediaApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MediaStorage storage;

	@Autowired
	MediaLibrary library;

	@Autowired
	IdentityManagement identity;

	static final JsonMapper JSON = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Api api;
	Membership workspace;
	String token;

	@BeforeEach
	void aWorkspace() {
		api = new Api(port);
		workspace = world.workspace("media");
		token = world.token(world.owner(workspace), workspace);
	}

	@Test
	void uploadingAPngAnswersWithItsSizeAndEveryRendition() {
		Answer created = upload(token, "chart.png", "image/png", TestMedia.png(TestMedia.bands(300, 200)),
				"Sales by quarter: a bar chart");
		assertThat(created.status()).isEqualTo(201);
		JsonNode media = created.json();
		assertThat(created.header("Location")).isEqualTo("/api/v1/media/" + media.get("id").asString());
		assertThat(media.get("mimeType").asString()).isEqualTo("image/png");
		assertThat(media.get("width").asInt()).isEqualTo(300);
		assertThat(media.get("height").asInt()).isEqualTo(200);
		assertThat(media.get("sizeBytes").asLong()).isPositive();
		assertThat(media.get("durationSeconds").isNull()).isTrue();
		assertThat(media.get("altText").asString()).isEqualTo("Sales by quarter: a bar chart");
		assertThat(media.get("focalPoint").get("x").asDouble()).isEqualTo(0.5);
		assertThat(media.get("focalPoint").get("y").asDouble()).isEqualTo(0.5);
		assertThat(media.get("originalName").asString()).isEqualTo("chart.png");
		assertThat(media.get("createdAt").asString()).isNotBlank();
		assertThat(names(media)).containsExactly("square", "portrait", "vertical", "link", "landscape", "thumbnail");
		assertThat(rendition(media, "portrait").get("mimeType").asString()).isEqualTo("image/jpeg");
		assertThat(rendition(media, "portrait").get("width").asInt()).isEqualTo(160);
		assertThat(rendition(media, "portrait").get("height").asInt()).isEqualTo(200);

		Api.Response read = api.get("/api/v1/media/" + media.get("id").asString(), token);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("renditions")).hasSize(6);
	}

	@Test
	void aRenditionIsServedInTheShapeItsNameSays() throws IOException {
		String id = uploadBands(token).get("id").asString();
		for (Map.Entry<String, Double> shape : Map.of("square", 1.0, "portrait", 0.8, "vertical", 9 / 16.0, "link",
				1.91, "landscape", 16 / 9.0).entrySet()) {
			HttpResponse<byte[]> file = bytes("/api/v1/media/" + id + "/renditions/" + shape.getKey(), token);
			assertThat(file.statusCode()).as(shape.getKey()).isEqualTo(200);
			assertThat(file.headers().firstValue("Content-Type")).as(shape.getKey()).contains("image/jpeg");
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.body()));
			assertThat((double) image.getWidth() / image.getHeight()).as(shape.getKey())
				.isCloseTo(shape.getValue(), org.assertj.core.data.Offset.offset(0.01));
		}
		HttpResponse<byte[]> original = bytes("/api/v1/media/" + id + "/file", token);
		assertThat(original.statusCode()).isEqualTo(200);
		assertThat(original.headers().firstValue("Content-Type")).contains("image/png");
		assertThat(original.body()).isEqualTo(TestMedia.png(TestMedia.bands(300, 200)));
		assertThat(bytes("/api/v1/media/" + id + "/renditions/panorama", token).statusCode()).isEqualTo(404);
	}

	@Test
	void movingTheFocalPointCutsNewRenditionsAroundIt() throws IOException {
		JsonNode media = uploadBands(token);
		String id = media.get("id").asString();
		List<String> oldKeys = renditionKeys(id);
		String oldTag = bytes("/api/v1/media/" + id + "/renditions/square", token).headers().firstValue("ETag")
			.orElseThrow();

		Api.Response moved = api.patch("/api/v1/media/" + id, token, Map.of("focalPoint", Map.of("x", 1.0, "y", 0.5)));
		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.json().get("focalPoint").get("x").asDouble()).isEqualTo(1.0);

		HttpResponse<byte[]> square = bytes("/api/v1/media/" + id + "/renditions/square", token);
		assertThat(square.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(oldTag);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(square.body()));
		// red | green | blue bands of 100 pixels: the square at the right edge shows green and blue, no red
		assertThat(dominant(image.getRGB(5, 100))).isEqualTo("green");
		assertThat(dominant(image.getRGB(194, 100))).isEqualTo("blue");
		for (String key : oldKeys) {
			assertThatThrownBy(() -> storage.open(key)).as("the old crop %s is removed", key)
				.isInstanceOf(NoSuchFileException.class);
		}

		Api.Response outside = api.patch("/api/v1/media/" + id, token, Map.of("focalPoint", Map.of("x", 1.5, "y", 0)));
		assertThat(outside.status()).isEqualTo(422);
		assertThat(outside.json().get("errors").get(0).get("field").asString()).isEqualTo("focalPoint.x");

		Api.Response described = api.patch("/api/v1/media/" + id, token, Map.of("altText", "  Three bands  "));
		assertThat(described.json().get("altText").asString()).isEqualTo("Three bands");
		assertThat(described.json().get("focalPoint").get("x").asDouble()).as("kept").isEqualTo(1.0);
	}

	@Test
	void aTextFileCalledJpgIsRefusedNamingTheFileField() {
		byte[] text = "Meeting notes: post the launch photo on Friday.\n".getBytes(StandardCharsets.UTF_8);
		Answer refused = upload(token, "launch.jpg", "image/jpeg", text, null);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("type").asString()).endsWith("media.file.unsupported");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
		assertThat(refused.json().get("detail").asString()).contains("JPEG, PNG, WebP or GIF")
			.contains("not from its name");

		// a member who reads Chorus in Korean is told in Korean
		UserAccount reader = identity.createAccount(TestWorld.uniqueEmail("ko"), "지민", TestWorld.PASSWORD,
				Locale.KOREAN, ZoneId.of("Asia/Seoul"), null);
		world.addMember(workspace, reader, Role.CONTRIBUTOR);
		Answer korean = upload(world.token(reader, workspace), "launch.jpg", "image/jpeg", text, null, "ko");
		assertThat(korean.status()).isEqualTo(422);
		assertThat(korean.json().get("detail").asString()).contains("파일");

		assertThat(api.get("/api/v1/media", token).json().get("items")).as("nothing was kept").isEmpty();
	}

	@Test
	void aDamagedImageAndAnEmptyFileAreRefusedToo() {
		byte[] png = TestMedia.png(TestMedia.bands(300, 200));
		byte[] damaged = java.util.Arrays.copyOf(png, 60);
		java.util.Arrays.fill(damaged, 16, 60, (byte) 0x5a);
		Answer unreadable = upload(token, "broken.png", "image/png", damaged, null);
		assertThat(unreadable.status()).isEqualTo(422);
		assertThat(unreadable.json().get("type").asString()).endsWith("media.file.unreadable");
		assertThat(unreadable.json().get("detail").asString()).contains("PNG");
		assertThat(unreadable.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

		Answer empty = upload(token, "nothing.png", "image/png", new byte[0], null);
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
	}

	@Test
	void aVideoIsKeptAsUploadedWithItsLengthAndSize() throws IOException {
		byte[] mp4 = IsoBoxes.mp4();
		Answer created = upload(token, "teaser.mp4", "application/octet-stream", mp4, "Teaser");
		assertThat(created.status()).isEqualTo(201);
		JsonNode media = created.json();
		assertThat(media.get("mimeType").asString()).isEqualTo("video/mp4");
		assertThat(media.get("durationSeconds").asDouble()).isEqualTo(12.5);
		assertThat(media.get("width").asInt()).isEqualTo(1920);
		assertThat(media.get("height").asInt()).isEqualTo(1080);
		assertThat(media.get("publishedAsUploaded").asBoolean()).isTrue();
		assertThat(media.get("renditions")).isEmpty();
		String id = media.get("id").asString();

		HttpResponse<byte[]> file = bytes("/api/v1/media/" + id + "/file", token);
		assertThat(file.headers().firstValue("Content-Type")).contains("video/mp4");
		assertThat(file.body()).isEqualTo(mp4);
		HttpResponse<byte[]> range = send(request("/api/v1/media/" + id + "/file", token).header("Range", "bytes=4-11")
			.GET());
		assertThat(range.statusCode()).as("players seek with byte ranges").isEqualTo(206);
		assertThat(new String(range.body(), StandardCharsets.ISO_8859_1)).isEqualTo("ftypisom");

		Api.Response refocus = api.patch("/api/v1/media/" + id, token, Map.of("focalPoint", Map.of("x", 0.2, "y", 0.2)));
		assertThat(refocus.status()).isEqualTo(422);
		assertThat(refocus.json().get("errors").get(0).get("field").asString()).isEqualTo("focalPoint");

		MediaItem reel = library.item(workspace.workspaceId(), MediaId.of(id), Surface.INSTAGRAM_REELS);
		assertThat(reel.mimeType()).isEqualTo("video/mp4");
		assertThat(reel.duration()).isEqualTo(Duration.ofMillis(12_500));
		assertThat(reel.sizeBytes()).isEqualTo(mp4.length);
		assertThat(reel.bytes().get()).isEqualTo(mp4);
	}

	@Test
	void theLibraryHandsPublishingTheRenditionEachSurfaceTakes() throws IOException {
		MediaId id = MediaId.of(uploadBands(token).get("id").asString());

		MediaItem feed = library.item(workspace.workspaceId(), id, Surface.INSTAGRAM_FEED);
		assertThat(feed.mimeType()).isEqualTo("image/jpeg");
		assertThat(feed.width()).isEqualTo(160);
		assertThat(feed.height()).isEqualTo(200);
		assertThat(feed.altText()).isEqualTo("Three coloured bands");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(feed.bytes().get()));
		assertThat(image.getWidth()).isEqualTo(160);
		assertThat(feed.sizeBytes()).isEqualTo(feed.bytes().get().length);

		assertThat(library.item(workspace.workspaceId(), id, Surface.INSTAGRAM_STORIES).height()).isEqualTo(200);
		assertThat(library.item(workspace.workspaceId(), id, Surface.INSTAGRAM_STORIES).width()).isEqualTo(113);
		assertThat(library.item(workspace.workspaceId(), id, Surface.X_POST).height()).isEqualTo(169);
		MediaItem mastodon = library.item(workspace.workspaceId(), id, Surface.MASTODON_STATUS);
		assertThat(mastodon.mimeType()).as("the original").isEqualTo("image/png");
		assertThat(mastodon.width()).isEqualTo(300);

		Membership other = world.workspace("media-other");
		assertThat(library.find(other.workspaceId(), id)).isEmpty();
		assertThatThrownBy(() -> library.item(other.workspaceId(), id, Surface.X_POST))
			.isInstanceOf(ChorusException.class).hasMessage("error.not-found");
	}

	@Test
	void anotherWorkspaceFindsNothingAtAnyMediaEndpoint() throws IOException {
		String id = uploadBands(token).get("id").asString();
		Membership other = world.workspace("media-other");
		String stranger = world.token(world.owner(other), other);

		assertThat(api.get("/api/v1/media/" + id, stranger).status()).isEqualTo(404);
		assertThat(api.patch("/api/v1/media/" + id, stranger, Map.of("altText", "mine now")).status()).isEqualTo(404);
		assertThat(api.patch("/api/v1/media/" + id, stranger, Map.of("focalPoint", Map.of("x", 0, "y", 0))).status())
			.isEqualTo(404);
		assertThat(bytes("/api/v1/media/" + id + "/file", stranger).statusCode()).isEqualTo(404);
		for (String name : List.of("square", "portrait", "vertical", "link", "landscape", "thumbnail")) {
			assertThat(bytes("/api/v1/media/" + id + "/renditions/" + name, stranger).statusCode()).as(name)
				.isEqualTo(404);
		}
		assertThat(api.delete("/api/v1/media/" + id, stranger).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/media", stranger).json().get("items")).isEmpty();

		Api.Response mine = api.get("/api/v1/media/" + id, token);
		assertThat(mine.status()).as("still there, unchanged").isEqualTo(200);
		assertThat(mine.json().get("altText").asString()).isEqualTo("Three coloured bands");
		assertThat(mine.json().get("focalPoint").get("x").asDouble()).isEqualTo(0.5);
	}

	@Test
	void deletingRemovesTheMediaAndEveryFile() throws IOException {
		String id = uploadBands(token).get("id").asString();
		List<String> keys = new ArrayList<>(renditionKeys(id));
		keys.add(jdbc.sql("select storage_key from media.assets where id = ?::uuid").param(id).query(String.class)
			.single());
		assertThat(keys).hasSize(7);
		for (String key : keys) {
			try (InputStream in = storage.open(key)) {
				assertThat(in.read()).as(key).isNotNegative();
			}
		}

		assertThat(api.delete("/api/v1/media/" + id, token).status()).isEqualTo(204);

		assertThat(api.get("/api/v1/media/" + id, token).status()).isEqualTo(404);
		assertThat(bytes("/api/v1/media/" + id + "/file", token).statusCode()).isEqualTo(404);
		for (String key : keys) {
			assertThatThrownBy(() -> storage.open(key)).as(key).isInstanceOf(NoSuchFileException.class);
		}
		if (storage instanceof LocalMediaStorage local) {
			assertThat(local.root().resolve(workspace.workspaceId().toString()).resolve(id))
				.as("the media's folder").doesNotExist();
		}
		assertThat(api.delete("/api/v1/media/" + id, token).status()).isEqualTo(404);
	}

	@Test
	void theListIsNewestFirstAndPagedByCursor() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(upload(token, "n" + i + ".gif", "image/gif", TestMedia.gif(TestMedia.bands(30, 30)), null).json()
				.get("id").asString());
		}
		Api.Response first = api.get("/api/v1/media?limit=2", token);
		assertThat(first.json().get("items")).hasSize(2);
		assertThat(first.json().get("items").get(0).get("id").asString()).isEqualTo(ids.get(2));
		assertThat(first.json().get("items").get(1).get("id").asString()).isEqualTo(ids.get(1));
		String next = first.json().get("next").asString();
		Api.Response second = api.get("/api/v1/media?limit=2&cursor=" + next, token);
		assertThat(second.json().get("items")).hasSize(1);
		assertThat(second.json().get("items").get(0).get("id").asString()).isEqualTo(ids.get(0));
		assertThat(second.json().get("next").isNull()).isTrue();
		assertThat(api.get("/api/v1/media?cursor=nonsense", token).status()).isEqualTo(422);
	}

	@Test
	void viewersMayLookButNotUploadOrChange() {
		String id = uploadBands(token).get("id").asString();
		UserAccount viewer = world.member(workspace, "viewer", Role.VIEWER);
		String viewerToken = world.token(viewer, workspace);
		assertThat(api.get("/api/v1/media/" + id, viewerToken).status()).isEqualTo(200);
		assertThat(upload(viewerToken, "x.png", "image/png", TestMedia.png(TestMedia.bands(30, 30)), null).status())
			.isEqualTo(403);
		assertThat(api.patch("/api/v1/media/" + id, viewerToken, Map.of("altText", "changed")).status())
			.isEqualTo(403);
		assertThat(api.delete("/api/v1/media/" + id, viewerToken).status()).isEqualTo(403);
	}

	@Test
	void webpAndAnimatedGifUploadsAreMeasuredFromTheirBytes() {
		Answer webp = upload(token, "colour.png", "image/png", TestMedia.webp(40, 30, 0xff2266aa), null);
		assertThat(webp.status()).isEqualTo(201);
		assertThat(webp.json().get("mimeType").asString()).as("the bytes, not the name").isEqualTo("image/webp");
		assertThat(webp.json().get("width").asInt()).isEqualTo(40);
		assertThat(webp.json().get("height").asInt()).isEqualTo(30);

		Answer gif = upload(token, "wave.gif", "image/gif",
				TestMedia.animatedGif(TestMedia.bands(30, 30), TestMedia.bands(30, 30)), "A wave");
		assertThat(gif.status()).isEqualTo(201);
		assertThat(gif.json().get("animated").asBoolean()).isTrue();
		assertThat(gif.json().get("publishedAsUploaded").asBoolean()).isTrue();
		assertThat(names(gif.json())).containsExactly("thumbnail");
		MediaItem x = library.item(workspace.workspaceId(), MediaId.of(gif.json().get("id").asString()), Surface.X_POST);
		assertThat(x.mimeType()).as("an animation goes out as uploaded").isEqualTo("image/gif");
	}

	@Test
	void theApiDescriptionShowsTheUploadForm() {
		Api.Response openapi = api.get("/api/v1/openapi", null);
		assertThat(openapi.status()).isEqualTo(200);
		JsonNode upload = openapi.json().get("paths").get("/api/v1/media").get("post");
		assertThat(upload.get("requestBody").get("content").has("multipart/form-data")).isTrue();
		assertThat(openapi.json().get("components").get("schemas").get("UploadForm").get("properties").has("file"))
			.isTrue();
	}

	private JsonNode uploadBands(String bearer) {
		Answer created = upload(bearer, "bands.png", "image/png", TestMedia.png(TestMedia.bands(300, 200)),
				"Three coloured bands");
		assertThat(created.status()).isEqualTo(201);
		return created.json();
	}

	private List<String> renditionKeys(String id) {
		return jdbc.sql("select storage_key from media.renditions where asset_id = ?::uuid").param(id)
			.query(String.class).list();
	}

	/** An upload's answer: status, headers and the body as JSON. */
	record Answer(int status, HttpResponse<byte[]> raw, JsonNode json) {

		String header(String name) {
			return raw.headers().firstValue(name).orElse("");
		}
	}

	private Answer upload(String bearer, String fileName, String claimedType, byte[] file, String altText) {
		return upload(bearer, fileName, claimedType, file, altText, "en");
	}

	private Answer upload(String bearer, String fileName, String claimedType, byte[] file, String altText,
			String language) {
		Multipart body = Multipart.of(altText == null ? Map.of() : Map.of("altText", altText), "file", fileName,
				claimedType, file);
		HttpResponse<byte[]> response = send(request("/api/v1/media", bearer).header("Content-Type", body.contentType())
			.header("Accept-Language", language).POST(body.publisher()));
		String text = new String(response.body(), StandardCharsets.UTF_8);
		JsonNode json;
		try {
			json = JSON.readTree(text.isBlank() ? "{}" : text);
		}
		catch (RuntimeException e) {
			json = JSON.missingNode();
		}
		return new Answer(response.statusCode(), response, json);
	}

	private HttpResponse<byte[]> bytes(String path, String bearer) {
		return send(request(path, bearer).GET());
	}

	private HttpRequest.Builder request(String path, String bearer) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + bearer);
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static List<String> names(JsonNode media) {
		List<String> names = new ArrayList<>();
		media.get("renditions").forEach(r -> names.add(r.get("name").asString()));
		return names;
	}

	private static JsonNode rendition(JsonNode media, String name) {
		for (JsonNode rendition : media.get("renditions")) {
			if (rendition.get("name").asString().equals(name)) {
				return rendition;
			}
		}
		throw new AssertionError("no rendition " + name);
	}

	private static String dominant(int rgb) {
		int red = (rgb >> 16) & 0xff;
		int green = (rgb >> 8) & 0xff;
		int blue = rgb & 0xff;
		if (red > green && red > blue) {
			return "red";
		}
		return green > blue ? "green" : "blue";
	}
}
