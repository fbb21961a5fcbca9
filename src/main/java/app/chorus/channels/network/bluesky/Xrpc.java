package app.chorus.channels.network.bluesky;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls XRPC methods over HTTP: queries are {@code GET /xrpc/<nsid>?...}, procedures {@code POST /xrpc/<nsid>} with a
 * JSON (or, for blobs, binary) body. Every call has a connect timeout and a timeout for the answer; every failure is
 * an {@link XrpcException}. Tokens are sent as bearer credentials and never appear in exception messages.
 */
final class Xrpc {

	/** One query parameter; repeat a name for an array parameter ({@code uris=...&uris=...}). */
	record Param(String name, String value) {
	}

	private static final int SNIPPET = 200;

	private final HttpClient http;
	private final JsonMapper json;
	private final Clock clock;
	private final Duration readTimeout;
	private final Duration uploadTimeout;

	Xrpc(Clock clock, Duration connectTimeout, Duration readTimeout) {
		this.clock = clock;
		this.readTimeout = readTimeout;
		this.uploadTimeout = readTimeout.multipliedBy(4);
		// HTTP/1.1: some XRPC hosts sit behind proxies that mishandle the cleartext HTTP/2 upgrade; no redirects, since
		// a redirected POST would silently turn into a GET.
		this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER).build();
		this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
	}

	JsonMapper json() {
		return json;
	}

	<T> T query(String service, String nsid, List<Param> params, @Nullable String token, Class<T> type) {
		String query = params.isEmpty() ? "" : params.stream().map(p -> encode(p.name()) + "=" + encode(p.value()))
			.collect(Collectors.joining("&", "?", ""));
		HttpRequest.Builder request = request(service, nsid, query, token, readTimeout).GET();
		return send(nsid, request, type);
	}

	<T> T procedure(String service, String nsid, @Nullable Object body, @Nullable String token, Class<T> type) {
		HttpRequest.Builder request = request(service, nsid, "", token, readTimeout);
		if (body == null) {
			request.POST(HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
		}
		return send(nsid, request, type);
	}

	<T> T upload(String service, String nsid, String contentType, byte[] body, String token, Class<T> type) {
		HttpRequest.Builder request = request(service, nsid, "", token, uploadTimeout)
			.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
		return send(nsid, request, type);
	}

	/** A JSON document that is not an XRPC answer (a DID document); {@code what} names it in failures. */
	JsonNode document(URI url, String what) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(readTimeout)
			.header("Accept", "application/json").GET();
		return send(what, request, JsonNode.class);
	}

	private HttpRequest.Builder request(String service, String nsid, String query, @Nullable String token,
			Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service + "/xrpc/" + nsid + query))
			.timeout(timeout).header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private <T> T send(String nsid, HttpRequest.Builder request, Class<T> type) {
		HttpResponse<byte[]> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (HttpTimeoutException ex) {
			throw XrpcException.timeout(nsid, ex);
		}
		catch (IOException ex) {
			// refused, unknown host (a ConnectException), reset: nothing answered
			throw XrpcException.unreachable(nsid, reason(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw XrpcException.unreachable(nsid, "interrupted", ex);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return success(nsid, response, type);
		}
		throw failure(nsid, response);
	}

	private <T> T success(String nsid, HttpResponse<byte[]> response, Class<T> type) {
		byte[] body = response.body();
		try {
			T value = json.readValue(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body, type);
			if (value == null) {
				throw XrpcException.notXrpc(nsid, response.statusCode(), "empty answer");
			}
			return value;
		}
		catch (JacksonException ex) {
			throw XrpcException.notXrpc(nsid, response.statusCode(), snippet(body));
		}
	}

	private XrpcException failure(String nsid, HttpResponse<byte[]> response) {
		int status = response.statusCode();
		JsonNode body = parseQuietly(response.body());
		String error = body.path("error").isString() ? body.path("error").stringValue() : null;
		String message = body.path("message").isString() ? body.path("message").stringValue() : "";
		// Server errors and rate limits count as XRPC errors even when a gateway in front answered with HTML.
		if (error == null && status < 500 && status != 429) {
			return XrpcException.notXrpc(nsid, status, snippet(response.body()));
		}
		Instant retryAt = status == 429 ? retryAt(response) : null;
		return new XrpcException(nsid, XrpcException.Kind.ERROR, status, error == null ? "HTTP" + status : error,
				message, retryAt, null);
	}

	private JsonNode parseQuietly(byte[] body) {
		try {
			JsonNode node = json.readTree(body);
			return node == null ? json.missingNode() : node;
		}
		catch (JacksonException ex) {
			// not JSON: the caller reports the answer as non-XRPC, with a snippet of it
			return json.missingNode();
		}
	}

	/** {@code ratelimit-reset} is epoch seconds (Bluesky's PDS); {@code Retry-After} is seconds or an HTTP date. */
	private @Nullable Instant retryAt(HttpResponse<byte[]> response) {
		var headers = response.headers();
		var reset = headers.firstValue("ratelimit-reset");
		if (reset.isPresent()) {
			try {
				return Instant.ofEpochSecond(Long.parseLong(reset.get().trim()));
			}
			catch (NumberFormatException ex) {
				// fall through to Retry-After
			}
		}
		var retryAfter = headers.firstValue("retry-after");
		if (retryAfter.isPresent()) {
			String value = retryAfter.get().trim();
			try {
				return clock.instant().plusSeconds(Long.parseLong(value));
			}
			catch (NumberFormatException ex) {
				try {
					return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				}
				catch (DateTimeParseException unparseable) {
					return null;
				}
			}
		}
		return null;
	}

	private static String reason(IOException ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getMessage() == null) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
	}

	private static String snippet(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
		return text.length() > SNIPPET ? text.substring(0, SNIPPET) + "..." : text;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
