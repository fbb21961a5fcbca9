package app.chorus.channels.network.mastodon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * Response bodies shaped as docs.joinmastodon.org documents the entities (Account, Status, Notification, Conversation,
 * MediaAttachment, Instance, Application, Token, Error), with every documented field the examples show, so that a
 * field the adapter reads under the wrong name fails a test.
 */
final class MastodonPayloads {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MastodonPayloads() {
	}

	static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	static String error(String message) {
		return json(Map.of("error", message));
	}

	static String oauthError(String error, String description) {
		return json(map("error", error, "error_description", description));
	}

	static Map<String, Object> account(String id, String username, String acct, String displayName) {
		return map("id", id, "username", username, "acct", acct, "display_name", displayName, "locked", false,
				"bot", false, "discoverable", true, "group", false, "created_at", "2016-03-16T14:34:26.392Z",
				"note", "<p>Developer of <a href=\"https://joinmastodon.org\">Mastodon</a> &amp; friends.</p>",
				"url", "https://mastodon.social/@" + username,
				"avatar", "https://files.mastodon.social/accounts/avatars/000/000/001/original/d96d39a0abb45b92.jpg",
				"avatar_static",
				"https://files.mastodon.social/accounts/avatars/000/000/001/original/d96d39a0abb45b92.jpg",
				"header", "https://files.mastodon.social/accounts/headers/000/000/001/original/c91b871f294ea63e.png",
				"header_static",
				"https://files.mastodon.social/accounts/headers/000/000/001/original/c91b871f294ea63e.png",
				"followers_count", 320472, "following_count", 453, "statuses_count", 61163,
				"last_status_at", "2019-12-05", "emojis", List.of(), "fields", List.of());
	}

	/** A CredentialAccount: an Account with {@code source} and {@code role}. */
	static Map<String, Object> credentialAccount(String id, String username, String displayName) {
		Map<String, Object> account = account(id, username, username, displayName);
		account.put("source", map("privacy", "public", "sensitive", false, "language", "", "note", "Developer",
				"fields", List.of(), "follow_requests_count", 0));
		account.put("role", map("id", "-99", "name", "", "permissions", "0", "color", "", "highlighted", false));
		return account;
	}

	static Map<String, Object> status(String id, Map<String, Object> account, String content) {
		return map("id", id, "created_at", "2019-12-05T11:34:47.196Z", "in_reply_to_id", null,
				"in_reply_to_account_id", null, "sensitive", false, "spoiler_text", "", "visibility", "public",
				"language", "en", "uri", "https://mastodon.social/users/" + account.get("username") + "/statuses/" + id,
				"url", "https://mastodon.social/@" + account.get("username") + "/" + id, "replies_count", 7,
				"reblogs_count", 98, "favourites_count", 112, "favourited", false, "reblogged", false, "muted", false,
				"bookmarked", false, "content", content, "reblog", null,
				"application", map("name", "Chorus", "website", null), "account", account,
				"media_attachments", List.of(), "mentions", List.of(), "tags", List.of(), "emojis", List.of(),
				"card", null, "poll", null);
	}

	static Map<String, Object> reply(String id, Map<String, Object> account, String content, String inReplyToId,
			String inReplyToAccountId) {
		Map<String, Object> status = status(id, account, content);
		status.put("in_reply_to_id", inReplyToId);
		status.put("in_reply_to_account_id", inReplyToAccountId);
		return status;
	}

	static Map<String, Object> with(Map<String, Object> entity, Object... keysAndValues) {
		Map<String, Object> copy = new LinkedHashMap<>(entity);
		copy.putAll(map(keysAndValues));
		return copy;
	}

	static Map<String, Object> notification(String id, String type, String createdAt, Map<String, Object> account,
			@Nullable Map<String, Object> status) {
		return map("id", id, "type", type, "group_key", "ungrouped-" + id, "created_at", createdAt, "account", account,
				"status", status);
	}

	static Map<String, Object> conversation(String id, boolean unread, List<Map<String, Object>> accounts,
			Map<String, Object> lastStatus) {
		return map("id", id, "unread", unread, "accounts", accounts, "last_status", lastStatus);
	}

	static String mediaAttachment(String id, @Nullable String url, String description) {
		return json(map("id", id, "type", "image", "url", url,
				"preview_url",
				"https://files.mastodon.social/media_attachments/files/022/348/641/small/e96382f26c72a29c.jpeg",
				"remote_url", null, "text_url", "https://mastodon.social/media/4Zj6ewxzzzDi0g8JnZQ",
				"meta", map("focus", map("x", -0.42, "y", 0.69),
						"original", map("width", 640, "height", 480, "size", "640x480", "aspect", 1.3333333333333333),
						"small", map("width", 461, "height", 346, "size", "461x346", "aspect", 1.3323699421965318)),
				"description", description, "blurhash", "UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}"));
	}

	static String application(String clientId, String clientSecret) {
		return json(map("id", "563419", "name", "Chorus", "website", "https://chorus.example",
				"scopes", List.of("read:accounts", "write:statuses"),
				"redirect_uri", "https://chorus.example/channels/mastodon/callback",
				"redirect_uris", List.of("https://chorus.example/channels/mastodon/callback"),
				"client_id", clientId, "client_secret", clientSecret, "client_secret_expires_at", 0));
	}

	static String token(String accessToken) {
		return json(map("access_token", accessToken, "token_type", "Bearer",
				"scope", "read:accounts read:notifications read:statuses write:statuses", "created_at", 1573979017));
	}

	static String instanceV2(String domain, int apiVersion) {
		Map<String, Object> instance = map("domain", domain, "title", "Mastodon", "version", "4.5.0",
				"source_url", "https://github.com/mastodon/mastodon",
				"description", "The original server operated by the Mastodon gGmbH non-profit",
				"usage", map("users", map("active_month", 123122)),
				"thumbnail", map("url", "https://files.mastodon.social/site_uploads/files/000/000/001/@1x/57c12f441d083cde.png"),
				"languages", List.of("en"),
				"configuration", map(
						"urls", map("streaming", "wss://" + domain),
						"vapid", map("public_key", "BCkMmVdKDnKYwzVCDC99Iuc9GvId-x7-kKtuHnLgfF98ENiZp_aj-UNthbCdI70DqN1zUVis-x0Wrot2sBagkMc="),
						"accounts", map("max_featured_tags", 10, "max_pinned_statuses", 4),
						"statuses", map("max_characters", 1000, "max_media_attachments", 6,
								"characters_reserved_per_url", 23),
						"media_attachments", map("supported_mime_types", List.of("image/jpeg", "image/png", "video/mp4"),
								"image_size_limit", 16777216, "image_matrix_limit", 33177600,
								"video_size_limit", 103809024, "video_frame_rate_limit", 120,
								"video_matrix_limit", 8294400),
						"polls", map("max_options", 8, "max_characters_per_option", 100, "min_expiration", 300,
								"max_expiration", 2629746),
						"translation", map("enabled", true)),
				"registrations", map("enabled", false, "approval_required", false, "message", null),
				"contact", map("email", "staff@" + domain, "account", null),
				"rules", List.of(map("id", "1", "text", "No spam")));
		instance.put("api_versions", map("mastodon", apiVersion));
		return json(instance);
	}

	/** {@code GET /api/v1/instance} of a server before 4.0: the domain is {@code uri}. */
	static String instanceV1(String domain) {
		return json(map("uri", domain, "title", "Mastodon", "short_description", "A server", "description", "",
				"email", "staff@" + domain, "version", "3.5.3", "urls", map("streaming_api", "wss://" + domain),
				"stats", map("user_count", 812, "status_count", 9213, "domain_count", 4012),
				"thumbnail", null, "languages", List.of("en"), "registrations", false, "approval_required", false,
				"invites_enabled", true,
				"configuration", map("statuses", map("max_characters", 640, "max_media_attachments", 4,
						"characters_reserved_per_url", 23),
						"media_attachments", map("supported_mime_types", List.of("image/jpeg"),
								"image_size_limit", 10485760, "image_matrix_limit", 16777216,
								"video_size_limit", 41943040, "video_frame_rate_limit", 60,
								"video_matrix_limit", 2304000),
						"polls", map("max_options", 4, "max_characters_per_option", 50, "min_expiration", 300,
								"max_expiration", 2629746)),
				"contact_account", null, "rules", List.of()));
	}

	static String list(Object... items) {
		return json(new ArrayList<>(Arrays.asList(items)));
	}

	/** An insertion-ordered map that, unlike {@link Map#of}, takes {@code null} values. */
	static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}
}
