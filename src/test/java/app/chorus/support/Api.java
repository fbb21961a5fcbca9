package app.chorus.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the REST API of a running test application, with timeouts on every call. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	/** A response: status, headers, and the body parsed as JSON (or a missing node when it is not JSON). */
	public record Response(int status, HttpResponse<String> raw, JsonNode json) {

		public String header(String name) {
			return raw.headers().firstValue(name).orElse("");
		}
	}

	public Response get(String path, @Nullable String token) {
		return send(request(path, token).GET());
	}

	public Response get(String path, @Nullable String token, String acceptLanguage) {
		return send(request(path, token).header("Accept-Language", acceptLanguage).GET());
	}

	public Response delete(String path, @Nullable String token) {
		return send(request(path, token).DELETE());
	}

	public Response post(String path, @Nullable String token, Object body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
	}

	public Response postWithHeaders(String path, @Nullable String token, Object body, Map<String, String> headers) {
		HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json");
		headers.forEach(builder::header);
		return send(builder.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	/** Posts a multipart form (a file upload). */
	public Response upload(String path, @Nullable String token, Multipart form) {
		return send(request(path, token).header("Content-Type", form.contentType()).POST(form.publisher()));
	}

	public Response patch(String path, @Nullable String token, Object body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public Response putJson(String path, @Nullable String token, Object body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public Response put(String path, @Nullable String token) {
		return send(request(path, token).PUT(HttpRequest.BodyPublishers.noBody()));
	}

	private HttpRequest.Builder request(String path, @Nullable String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json;
			try {
				json = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
			}
			catch (RuntimeException e) {
				json = JSON.missingNode();
			}
			return new Response(response.statusCode(), response, json);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
