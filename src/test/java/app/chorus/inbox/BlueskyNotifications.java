package app.chorus.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.ChannelId;
import app.chorus.inbox.internal.InboxIngestion;
import app.chorus.support.Api;
import app.chorus.workspace.Membership;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers to {@code app.bsky.notification.listNotifications} shaped as the lexicon documents them: one notification per
 * post that replied to, mentioned or quoted the account, newest first.
 */
final class BlueskyNotifications {

	static final String LIST = "/xrpc/app.bsky.notification.listNotifications";
	static final String BOB = "did:plc:bobbobbobbobbobbobbob22";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private BlueskyNotifications() {
	}

	static String postUri(String did, String rkey) {
		return "at://" + did + "/app.bsky.feed.post/" + rkey;
	}

	static Map<String, Object> ref(String uri) {
		return Map.of("uri", uri, "cid", "bafyrei" + uri.substring(uri.lastIndexOf('/') + 1));
	}

	/** A reply record's {@code reply} field: in the thread of {@code root}, answering {@code parent}. */
	static Map<String, Object> replyTo(String root, String parent) {
		return Map.of("reply", Map.of("root", ref(root), "parent", ref(parent)));
	}

	static Map<String, Object> quoting(String uri) {
		return Map.of("embed", Map.of("$type", "app.bsky.embed.record", "record", ref(uri)));
	}

	/**
	 * One notification: Bob's post {@code rkey} saying {@code text}.
	 * @param reasonSubject our post it is about (replies and quotes)
	 */
	static Map<String, Object> notification(String rkey, String reason, String text, Instant indexedAt,
			Map<String, Object> recordFields, @Nullable String reasonSubject) {
		Map<String, Object> record = new HashMap<>(Map.of("$type", "app.bsky.feed.post", "text", text, "createdAt",
				indexedAt.minusSeconds(1).toString()));
		record.putAll(recordFields);
		Map<String, Object> notification = new HashMap<>(Map.of("uri", postUri(BOB, rkey), "cid", "bafyrei" + rkey,
				"author", Map.of("did", BOB, "handle", "bob.test", "displayName", "Bob", "viewer", Map.of(),
						"labels", List.of()),
				"reason", reason, "record", record, "isRead", false, "indexedAt", indexedAt.toString(), "labels",
				List.of()));
		if (reasonSubject != null) {
			notification.put("reasonSubject", reasonSubject);
		}
		return notification;
	}

	static Map<String, Object> mention(String rkey, String text, Instant indexedAt) {
		return notification(rkey, "mention", text, indexedAt, Map.of(), null);
	}

	/** The newest page (asked for without a cursor), and the end of the list. */
	static void newest(WireMockExtension pds, List<Map<String, Object>> notifications) {
		newest(pds, answer(notifications));
	}

	static void newest(WireMockExtension pds, ResponseDefinitionBuilder answer) {
		pds.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("cursor", absent()).willReturn(answer));
	}

	static ResponseDefinitionBuilder answer(List<Map<String, Object>> notifications) {
		return answer(JSON.writeValueAsString(Map.of("notifications", notifications, "priority", false)));
	}

	static ResponseDefinitionBuilder answer(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

	/**
	 * Connects a Bluesky channel (brand.test on {@code pds}, whose account must already answer) to the workspace and
	 * reads its inbox once.
	 * @return the channel's id
	 */
	static String connectAndRead(Api api, String token, WireMockExtension pds, InboxIngestion ingestion,
			Membership workspace) {
		String channel = api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl", pds.baseUrl(),
				"handle", "brand.test", "appPassword", "abcd-efgh-ijkl-mnop")).json().get("id").asString();
		assertThat(ingestion.pollNow(workspace.workspaceId(), ChannelId.of(channel), Duration.ofSeconds(20)))
			.isTrue();
		return channel;
	}
}
