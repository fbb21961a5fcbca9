package app.chorus.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.support.Api;
import app.chorus.support.AtprotoPeer;
import app.chorus.support.AtprotoPeer.Account;
import app.chorus.support.AtprotoPeer.Pds;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.Multipart;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import tools.jackson.databind.JsonNode;

/**
 * End to end against Bluesky's reference servers on loopback: a post with an image, scheduled ten seconds ahead
 * through Chorus's API, appears on the PDS exactly once, with its image and alt text.
 */
@Tag("peer")
@ChorusIntegrationTest
class PublishingPeerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@BeforeAll
	static void theLocalNetworkRuns() {
		AtprotoPeer.requireRunning();
	}

	@Test
	void aPostScheduledTenSecondsAheadAppearsOnceWithItsImage() throws IOException {
		Api api = new Api(port);
		Membership workspace = world.workspace("peerpublishing");
		String token = world.token(world.owner(workspace), workspace);
		Account alice = Account.create("pub" + Long.toString(System.nanoTime() % 100_000_000L, 36) + ".test");
		String channel = api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl",
				AtprotoPeer.PDS.replace("localhost", "127.0.0.1"), "handle", alice.handle(), "appPassword",
				alice.appPassword())).json().get("id").asString();
		String image = api.upload("/api/v1/media", token, Multipart.of(Map.of("altText", "A blue square"), "file",
				"square.png", "image/png", bluePng())).json().get("id").asString();

		Instant due = Instant.now().plusSeconds(10);
		Api.Response created = api.post("/api/v1/posts", token, Map.of("text", "Scheduled through Chorus 🌷",
				"channelIds", List.of(channel), "scheduledAt", due.toString(), "media", List.of(image)));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		JsonNode post = Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
			.until(() -> api.get("/api/v1/posts/" + id, token).json(),
					p -> "published".equals(p.get("status").asString()));
		JsonNode variant = post.get("variants").get(0);
		assertThat(Instant.parse(variant.get("publishedAt").asString())).isAfterOrEqualTo(due.minusSeconds(1))
			.isBefore(due.plusSeconds(15));

		JsonNode records = Pds.get("com.atproto.repo.listRecords", alice.accessJwt(), "repo", alice.did(),
				"collection", "app.bsky.feed.post").path("records");
		assertThat(records).hasSize(1);
		JsonNode record = records.get(0);
		assertThat(record.path("uri").asString()).isEqualTo(variant.get("remoteId").asString());
		assertThat(record.path("value").path("text").asString()).isEqualTo("Scheduled through Chorus 🌷");
		JsonNode images = record.path("value").path("embed").path("images");
		assertThat(images).hasSize(1);
		assertThat(images.get(0).path("alt").asString()).isEqualTo("A blue square");
		assertThat(images.get(0).path("image").path("mimeType").asString()).startsWith("image/");
	}

	private static byte[] bluePng() throws IOException {
		BufferedImage square = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = square.createGraphics();
		g.setColor(Color.BLUE);
		g.fillRect(0, 0, 400, 400);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(square, "png", out);
		return out.toByteArray();
	}
}
