package app.chorus.support;

import java.io.IOException;
import java.net.CookieManager;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping client for the web pages, without a browser: fetches a page, takes the CSRF token from its forms,
 * posts forms the way a browser would. Redirects are not followed, so tests see where the server sends them.
 */
public final class WebClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
	private final String base;
	private String csrf = "";

	public WebClient(int port) {
		this.base = "http://localhost:" + port;
	}

	public record Page(int status, String body, String location) {
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** Posts a form; the CSRF token from the last page fetched is added. */
	public Page post(String path, Map<String, String> fields) {
		return post(path, List.copyOf(fields.entrySet()));
	}

	/** Posts a form whose fields may repeat (several ticked checkboxes); the CSRF token is added. */
	public Page post(String path, List<Map.Entry<String, String>> fields) {
		return send(form(path, fields));
	}

	/** Posts a form the way a page's script does, asking for a JSON answer; the CSRF token is added. */
	public Page postForJson(String path, List<Map.Entry<String, String>> fields) {
		return send(form(path, fields).header("Accept", "application/json"));
	}

	private HttpRequest.Builder form(String path, List<Map.Entry<String, String>> fields) {
		List<Map.Entry<String, String>> all = new ArrayList<>(fields);
		all.add(Map.entry("_csrf", csrf));
		String form = all.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
	}

	/**
	 * Posts JSON the way a page's script does: with the CSRF token from the last page fetched in the
	 * {@code X-CSRF-TOKEN} header, or without it when {@code withCsrfToken} is false.
	 */
	public Page postJson(String path, String json, boolean withCsrfToken) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json").header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (withCsrfToken) {
			builder.header("X-CSRF-TOKEN", csrf);
		}
		return send(builder);
	}

	/** Signs in with e-mail and password; returns where the server sent the browser next. */
	public Page signIn(String email, String password) {
		get("/login");
		return post("/login", Map.of("email", email, "password", password));
	}

	private Page send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = http.send(builder.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher matcher = CSRF.matcher(response.body());
			if (matcher.find()) {
				csrf = matcher.group(1);
			}
			return new Page(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(""));
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
