package app.chorus.channels.network.mastodon;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * HTTP to Mastodon instances. Every call names its instance, so one client serves all channels. Connections and reads
 * time out; redirects are not followed (an API that redirects is not one to send tokens to). Answers come back raw,
 * whatever their status; only a server that cannot be reached throws ({@link InstanceUnreachable}).
 */
final class MastodonClient {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
	static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
	/** Uploads of large videos take longer to send and to be accepted. */
	static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(3);

	private final RestClient api;
	private final RestClient uploads;

	MastodonClient() {
		this(CONNECT_TIMEOUT, READ_TIMEOUT, UPLOAD_TIMEOUT);
	}

	MastodonClient(Duration connectTimeout, Duration readTimeout, Duration uploadTimeout) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		this.api = restClient(http, readTimeout);
		this.uploads = restClient(http, uploadTimeout);
	}

	private static RestClient restClient(HttpClient http, Duration readTimeout) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(readTimeout);
		return RestClient.builder()
			.requestFactory(requests)
			.defaultHeader(HttpHeaders.USER_AGENT, "Chorus")
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.build();
	}

	/** {@code base} + {@code path}, with {@code {name}} variables and query values encoded. */
	static URI uri(String base, String path, Map<String, ?> variables, MultiValueMap<String, String> query) {
		return UriComponentsBuilder.fromUriString(base)
			.path(path)
			.queryParams(query)
			.encode()
			.buildAndExpand(variables)
			.toUri();
	}

	static URI uri(String base, String path) {
		return URI.create(base + path);
	}

	Answer get(URI uri, @Nullable String token) {
		return send(api.get().uri(uri).headers(h -> bearer(h, token)), uri);
	}

	Answer delete(URI uri, String token) {
		return send(api.delete().uri(uri).headers(h -> bearer(h, token)), uri);
	}

	Answer postForm(URI uri, @Nullable String token, MultiValueMap<String, String> form) {
		return postForm(uri, token, form, Map.of());
	}

	Answer postForm(URI uri, @Nullable String token, MultiValueMap<String, String> form, Map<String, String> headers) {
		return send(api.method(HttpMethod.POST).uri(uri).headers(h -> {
			bearer(h, token);
			headers.forEach(h::set);
		}).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form), uri);
	}

	Answer postMultipart(URI uri, String token, MultiValueMap<String, Object> parts) {
		return send(uploads.method(HttpMethod.POST)
			.uri(uri)
			.headers(h -> bearer(h, token))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts), uri);
	}

	private static void bearer(HttpHeaders headers, @Nullable String token) {
		if (token != null) {
			headers.setBearerAuth(token);
		}
	}

	private static Answer send(RestClient.RequestHeadersSpec<?> request, URI uri) {
		try {
			return request.exchangeForRequiredValue((req, res) -> new Answer(res.getStatusCode().value(),
					HttpHeaders.copyOf(res.getHeaders()), res.getBody().readAllBytes()), true);
		}
		catch (ResourceAccessException ex) {
			Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
			throw new InstanceUnreachable(uri.getHost() + " could not be reached: " + cause, cause);
		}
	}

	/** What the instance answered. */
	record Answer(int status, HttpHeaders headers, byte[] body) {

		boolean successful() {
			return status >= 200 && status < 300;
		}

		boolean serverError() {
			return status >= 500;
		}

		@Nullable String header(String name) {
			return headers.getFirst(name);
		}

		List<String> headers(String name) {
			return headers.getOrEmpty(name);
		}

		@Override
		public String toString() {
			return "Answer[" + status + ", " + body.length + " bytes]";
		}
	}
}
