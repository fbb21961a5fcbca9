package app.chorus.channels.network.mastodon;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading Mastodon's JSON into the entity records. The mapper is the adapter's own, not the application's, so that
 * how Mastodon payloads are read never changes with the application's JSON settings: snake_case names, unknown
 * fields ignored (servers add fields all the time).
 */
final class MastodonJson {

	private static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private static final int SNIPPET = 200;

	private MastodonJson() {
	}

	/** @throws MalformedAnswer when the body is not that entity */
	static <T> T read(byte[] body, Class<T> type) {
		try {
			T value = JSON.readValue(body, type);
			if (value == null) {
				throw new MalformedAnswer("empty answer where " + type.getSimpleName() + " was expected", null);
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new MalformedAnswer("not a " + type.getSimpleName() + ": " + snippet(body), ex);
		}
	}

	/** @throws MalformedAnswer when the body is not a list of that entity */
	static <T> List<T> readList(byte[] body, TypeReference<List<T>> type) {
		try {
			List<T> value = JSON.readValue(body, type);
			return value == null ? List.of() : value;
		}
		catch (JacksonException ex) {
			throw new MalformedAnswer("not the expected list: " + snippet(body), ex);
		}
	}

	/** @throws MalformedAnswer when the body is not JSON */
	static JsonNode readTree(byte[] body) {
		try {
			JsonNode tree = JSON.readTree(body);
			if (tree == null || tree.isMissingNode()) {
				throw new MalformedAnswer("empty body where JSON was expected", null);
			}
			return tree;
		}
		catch (JacksonException ex) {
			throw new MalformedAnswer("not JSON", ex);
		}
	}

	/** @throws MalformedAnswer when the node is not that entity */
	static <T> T convert(JsonNode node, Class<T> type) {
		try {
			T value = JSON.treeToValue(node, type);
			if (value == null) {
				throw new MalformedAnswer("no " + type.getSimpleName() + " where one was expected", null);
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new MalformedAnswer("not a " + type.getSimpleName(), ex);
		}
	}

	/** The network's own words for a failure: {@code error_description} or {@code error}, else the start of the body. */
	static String errorText(byte[] body, int status) {
		try {
			MastodonError error = JSON.readValue(body, MastodonError.class);
			if (error != null && error.errorDescription() != null && !error.errorDescription().isBlank()) {
				return error.errorDescription();
			}
			if (error != null && error.error() != null && !error.error().isBlank()) {
				return error.error();
			}
		}
		catch (JacksonException ex) {
			// not the Error entity (an HTML error page from a proxy, say): the status and the body's start say more
		}
		String snippet = snippet(body);
		return snippet.isBlank() ? "HTTP " + status : "HTTP " + status + ": " + snippet;
	}

	/** The OAuth error code ({@code invalid_grant}...), when the body is an OAuth error. */
	static @Nullable String errorCode(byte[] body) {
		try {
			MastodonError error = JSON.readValue(body, MastodonError.class);
			return error == null ? null : error.error();
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String snippet(byte[] body) {
		String text = new String(body, 0, Math.min(body.length, SNIPPET * 4), StandardCharsets.UTF_8).strip();
		return text.length() > SNIPPET ? text.substring(0, SNIPPET) + "…" : text;
	}

	/** The instance answered, but not with what the API documents. */
	static final class MalformedAnswer extends RuntimeException {

		MalformedAnswer(String message, @Nullable Throwable cause) {
			super(message, cause);
		}
	}
}
