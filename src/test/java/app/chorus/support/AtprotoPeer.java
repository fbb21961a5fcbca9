package app.chorus.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local AT Protocol network the peer tests run against (PLC directory, PDS, AppView on loopback; see
 * peers/README.md), and plain XRPC calls for what a test does itself: making accounts, liking, checking records.
 * The network is fresh on every start, so tests make their own accounts.
 */
public final class AtprotoPeer {

	public static final String PDS = setting("chorus.atp.pds-url", "CHORUS_ATP_PDS_URL", "http://localhost:2583");
	public static final String APPVIEW = setting("chorus.atp.appview-url", "CHORUS_ATP_APPVIEW_URL",
			"http://localhost:2584");
	public static final String PLC = setting("chorus.atp.plc-url", "CHORUS_ATP_PLC_URL", "http://localhost:2582");

	private static final JsonMapper JSON = JsonMapper.builder().build();
	// HTTP/1.1: the Node servers drop requests that offer the cleartext HTTP/2 upgrade
	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	private AtprotoPeer() {
	}

	private static String setting(String property, String variable, String fallback) {
		String value = System.getProperty(property, System.getenv(variable));
		return value == null || value.isBlank() ? fallback : value;
	}


	/** Fails the test, saying how to start the network, when any of its servers does not answer. */
	public static void requireRunning() {
		for (String url : List.of(PDS, APPVIEW, PLC + "/_health")) {
			String health = url.endsWith("/_health") ? url : url + "/xrpc/_health";
			try {
				HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(health))
					.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() != 200) {
					fail(url + " answered " + answer.statusCode() + " to " + health + "; " + howToStart());
				}
			}
			catch (IOException ex) {
				fail("The local AT Protocol network is not reachable at " + url + " (" + ex + "); " + howToStart());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail("interrupted");
			}
		}
	}

	private static String howToStart() {
		return "start it with peers/atproto/start.sh (see peers/README.md), or point chorus.atp.pds-url, "
				+ "chorus.atp.appview-url and chorus.atp.plc-url at it";
	}


	/** An account made for the test, with its main session and an app password named "chorus". */
	public record Account(String handle, String did, String accessJwt, String appPassword) {

		public static Account create(String handle) {
			JsonNode created = Pds.post("com.atproto.server.createAccount", null, Map.of("handle", handle, "email",
					handle + "@example.com", "password", "main-" + handle));
			String accessJwt = created.path("accessJwt").asString();
			JsonNode appPassword = Pds.post("com.atproto.server.createAppPassword", accessJwt, Map.of("name",
					"chorus"));
			return new Account(handle, created.path("did").asString(), accessJwt,
					appPassword.path("password").asString());
		}
	}

	private static URI query(String server, String nsid, String... params) {
		List<String> query = new ArrayList<>();
		for (int i = 0; i < params.length; i += 2) {
			query.add(params[i] + "=" + URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
		}
		return URI.create(server + "/xrpc/" + nsid + "?" + String.join("&", query));
	}

	/** What the AppView has indexed: a fan sees (and answers) a post only once the AppView shows it. */
	public static final class AppView {

		/**
		 * Waits until the AppView shows the post. A reply the AppView indexes before the post it answers never
		 * notifies the post's author (the reference AppView skips the notification when it indexes the parent later;
		 * Chorus finds such a reply in the post's thread, minutes later), so a test that wants the notification
		 * replies only to a post the AppView has, as a person on Bluesky does.
		 */
		public static void awaitIndexed(String uri) {
			Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
				.until(() -> Pds.send(HttpRequest.newBuilder(query(APPVIEW, "app.bsky.feed.getPosts", "uris", uri))
					.GET(), null).path("posts").size() == 1);
		}
	}

	/** Plain XRPC calls for what the adapter does not do itself (accounts, likes) and for checking its writes. */
	public static final class Pds {

		public static JsonNode get(String nsid, @Nullable String token, String... params) {
			return send(HttpRequest.newBuilder(query(PDS, nsid, params)).GET(), token);
		}

		public static JsonNode post(String nsid, @Nullable String token, Map<String, Object> body) {
			return send(HttpRequest.newBuilder(URI.create(PDS + "/xrpc/" + nsid))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), token);
		}

		/** The error answer to refreshSession with this token (fails when the token still works). */
		public static String refusedRefresh(@Nullable String refreshJwt) {
			try {
				HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(PDS
						+ "/xrpc/com.atproto.server.refreshSession")).header("Authorization", "Bearer " + refreshJwt)
					.POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(answer.statusCode()).isBetween(400, 401);
				return answer.body();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static JsonNode send(HttpRequest.Builder request, @Nullable String token) {
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			try {
				HttpResponse<String> answer = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() != 200) {
					throw new AssertionError(answer.request().uri() + " answered " + answer.statusCode() + ": "
							+ answer.body());
				}
				return answer.body().isBlank() ? JSON.missingNode() : JSON.readTree(answer.body());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}
}
