package app.chorus.inbox.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;

/**
 * A live stream opened with an API token ends cleanly: the asynchronous dispatch that finishes it is authenticated
 * again from the token instead of being refused as anonymous (which logged an error for an answer already sent).
 */
@ChorusIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LiveStreamEndIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	LiveInbox live;

	@Test
	void aStreamOpenedWithATokenEndsWithoutARefusal(CapturedOutput output) throws Exception {
		Membership workspace = world.workspace("live-end");
		String token = world.token(world.owner(workspace), workspace);
		HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
				"http://localhost:" + port + "/api/v1/inbox/stream")).header("Authorization", "Bearer " + token)
			.header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		try (InputStream stream = response.body()) {
			CompletableFuture<String> everything = CompletableFuture.supplyAsync(() -> {
				try {
					return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
			Awaitility.await().atMost(Duration.ofSeconds(10))
				.until(() -> live.streams(workspace.workspaceId()) == 1);

			// the node ends its streams (as when it shuts down)
			live.closeStreams();

			assertThat(everything.get(10, TimeUnit.SECONDS)).as("the stream ended").startsWith("event:ready");
		}
		Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
			.until(() -> !output.getAll().contains("AuthorizationDeniedException"));
		assertThat(output.getAll()).doesNotContain("Access Denied").doesNotContain("response is already committed");
	}
}
