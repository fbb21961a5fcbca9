package app.chorus.channels.network.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import app.chorus.channels.network.linkpreview.LinkPreview;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.Credentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Answers shaped like the lexicons and the XRPC specification, and a channel session pointing at WireMock. */
final class BlueskyStubs {

	private BlueskyStubs() {
	}

	static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
	static final String DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz";
	static final String HANDLE = "chorus.bsky.social";
	static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";
	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The network under test, with short timeouts so that a stalled answer fails fast, and link previews that may read
	 * pages from WireMock on loopback.
	 */
	static BlueskyNetwork network(WireMockExtension server) {
		return network(server, CLOCK);
	}

	/** The network under test, whose time is {@code clock}'s. */
	static BlueskyNetwork network(WireMockExtension server, Clock clock) {
		return new BlueskyNetwork(clock, server.baseUrl() + "/plc", new LinkPreview(true), Duration.ofSeconds(2),
				Duration.ofSeconds(2));
	}

	static ChannelSession session(WireMockExtension server) {
		return new ChannelSession(UUID.randomUUID(), server.baseUrl(), DID, HANDLE,
				new Credentials(jwt("access", NOW.plusSeconds(7200)), jwt("refresh", NOW.plus(Duration.ofDays(60))),
						NOW.plusSeconds(7200), Map.of("appPassword", APP_PASSWORD)),
				Map.of("serviceUrl", server.baseUrl(), "plcUrl", server.baseUrl() + "/plc"));
	}

	/** A JWT like the PDS issues (claims readable, signature not checked by clients). */
	static String jwt(String scope, Instant expiresAt) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = base64
			.encodeToString("{\"typ\":\"at+jwt\",\"alg\":\"ES256K\"}".getBytes(StandardCharsets.UTF_8));
		String claims = base64.encodeToString(("{\"scope\":\"com.atproto." + scope + "\",\"sub\":\"" + DID
				+ "\",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":" + expiresAt.getEpochSecond() + "}")
			.getBytes(StandardCharsets.UTF_8));
		return header + "." + claims + "." + base64.encodeToString(scope.getBytes(StandardCharsets.UTF_8));
	}

	static ResponseDefinitionBuilder json(Object body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
			.withBody(body instanceof String text ? text : JSON.writeValueAsString(body));
	}

	/** An XRPC error: {@code {"error": "...", "message": "..."}} with its status. */
	static ResponseDefinitionBuilder xrpcError(int status, String error, String message) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
			.withBody(JSON.writeValueAsString(Map.of("error", error, "message", message)));
	}

	static Map<String, Object> session(String accessJwt, String refreshJwt) {
		return Map.of("did", DID, "handle", HANDLE, "accessJwt", accessJwt, "refreshJwt", refreshJwt, "email",
				"someone@example.com", "emailConfirmed", true, "active", true);
	}

	static Map<String, Object> didDocument(String pdsEndpoint) {
		return Map.of("@context", List.of("https://www.w3.org/ns/did/v1"), "id", DID, "alsoKnownAs",
				List.of("at://" + HANDLE), "verificationMethod",
				List.of(Map.of("id", DID + "#atproto", "type", "Multikey", "controller", DID, "publicKeyMultibase",
						"zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF")),
				"service", List.of(Map.of("id", "#atproto_pds", "type", "AtprotoPersonalDataServer",
						"serviceEndpoint", pdsEndpoint)));
	}

	static JsonNode body(LoggedRequest request) {
		return JSON.readTree(request.getBodyAsString());
	}
}
