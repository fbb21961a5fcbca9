package app.chorus.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answers shaped like a Bluesky PDS's (the XRPC lexicons), for tests that connect a channel and publish through it
 * without the real network: sign-in with the DID document inline, the profile, records written.
 */
public final class BlueskyAnswers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private BlueskyAnswers() {
	}

	/** A new account's DID. */
	public static String newDid() {
		return "did:plc:" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
	}

	/** {@link #account} with a session that is good for two hours and can be renewed for a day. */
	public static void account(WireMockExtension pds, String did, String handle, String displayName) {
		account(pds, did, handle, displayName, jwt("access", Instant.now().plus(java.time.Duration.ofHours(2))),
				jwt("refresh", Instant.now().plus(java.time.Duration.ofDays(1))));
	}

	/** createSession answers for the account (its DID document names this server as its PDS), and getProfile. */
	public static void account(WireMockExtension pds, String did, String handle, String displayName, String accessJwt,
			String refreshJwt) {
		pds.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(json(Map.of("did", did, "handle",
				handle, "accessJwt", accessJwt, "refreshJwt", refreshJwt, "active", true, "didDoc",
				Map.of("id", did, "service", List.of(Map.of("id", "#atproto_pds", "type", "AtprotoPersonalDataServer",
						"serviceEndpoint", pds.baseUrl())))))));
		pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile")).willReturn(json(Map.of("did", did,
				"handle", handle, "displayName", displayName, "followersCount", 10))));
	}

	/**
	 * Like {@link #account}, for one of several accounts on the same server: createSession answers for this handle
	 * only, getProfile for this DID only. The access token is valid for two hours.
	 */
	public static void oneOfManyAccounts(WireMockExtension pds, String did, String handle) {
		String accessJwt = jwt("access", Instant.now().plusSeconds(7200));
		String refreshJwt = jwt("refresh", Instant.now().plusSeconds(86400));
		pds.stubFor(post("/xrpc/com.atproto.server.createSession")
			.withRequestBody(matchingJsonPath("$.identifier", equalTo(handle)))
			.willReturn(json(Map.of("did", did, "handle", handle, "accessJwt", accessJwt, "refreshJwt", refreshJwt,
					"active", true, "didDoc", Map.of("id", did, "service", List.of(Map.of("id", "#atproto_pds", "type",
							"AtprotoPersonalDataServer", "serviceEndpoint", pds.baseUrl())))))));
		pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile")).withQueryParam("actor", equalTo(did))
			.willReturn(json(Map.of("did", did, "handle", handle, "displayName", handle, "followersCount", 10))));
	}

	/**
	 * createRecord writes the post into the repository it names, under the record key it was given, after
	 * {@code delay} (zero: at once). The answer carries both back, so a test can count the writes per record key.
	 */
	public static void recordsAreWrittenToTheirRepositories(WireMockExtension pds, java.time.Duration delay) {
		pds.stubFor(post("/xrpc/com.atproto.repo.createRecord").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json").withTransformers("response-template")
			.withFixedDelay((int) delay.toMillis())
			.withBody("{\"uri\":\"at://{{jsonPath request.body '$.repo'}}/app.bsky.feed.post/"
					+ "{{jsonPath request.body '$.rkey'}}\","
					+ "\"cid\":\"bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy\","
					+ "\"commit\":{\"cid\":\"bafyreicommit\",\"rev\":\"3lcommitrev22\"},\"validationStatus\":\"valid\"}")));
	}

	/** createRecord writes the post under the record key it was given. */
	public static void recordsAreWritten(WireMockExtension pds, String did) {
		pds.stubFor(post("/xrpc/com.atproto.repo.createRecord").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json").withTransformers("response-template")
			.withBody("{\"uri\":\"at://" + did + "/app.bsky.feed.post/{{jsonPath request.body '$.rkey'}}\","
					+ "\"cid\":\"bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy\","
					+ "\"commit\":{\"cid\":\"bafyreicommit\",\"rev\":\"3lcommitrev22\"},\"validationStatus\":\"valid\"}")));
	}

	/** uploadBlob stores whatever it is sent and answers with a blob reference of its type. */
	public static void blobsAreStored(WireMockExtension pds) {
		pds.stubFor(post("/xrpc/com.atproto.repo.uploadBlob").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json").withTransformers("response-template")
			.withBody("{\"blob\":{\"$type\":\"blob\",\"ref\":{\"$link\":\"bafkreiblob\"},"
					+ "\"mimeType\":\"{{request.headers.Content-Type}}\",\"size\":1000}}")));
	}

	/** An XRPC error answer. */
	public static ResponseDefinitionBuilder error(int status, String error, String message) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
			.withBody(JSON.writeValueAsString(Map.of("error", error, "message", message)));
	}

	public static ResponseDefinitionBuilder json(Object body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
			.withBody(JSON.writeValueAsString(body));
	}

	/** A JWT as the PDS issues them: claims readable, the signature never checked by clients. */
	public static String jwt(String scope, Instant expiresAt) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString("{\"alg\":\"ES256K\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(("{\"scope\":\"com.atproto." + scope + "\",\"exp\":"
						+ expiresAt.getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}")
					.getBytes(StandardCharsets.UTF_8))
				+ ".c2lnbmF0dXJl";
	}
}
