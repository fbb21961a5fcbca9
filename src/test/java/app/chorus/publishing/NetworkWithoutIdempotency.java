package app.chorus.publishing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import app.chorus.channels.spi.AppPasswordConnecting;
import app.chorus.channels.spi.AuthMethod;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.ConnectedAccount;
import app.chorus.channels.spi.Credentials;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.channels.spi.NetworkRules;
import app.chorus.channels.spi.NetworkRulesCatalog;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.PublishResult;
import app.chorus.channels.spi.RemotePostRef;
import app.chorus.channels.spi.SocialNetwork;
import tools.jackson.databind.json.JsonMapper;

/**
 * For tests only: a stand-in for a network that makes no idempotency promise, as X's API v2 makes none for creating a
 * post. Every create call makes a new post, so a call whose answer was lost must never be sent again blindly; its
 * {@link #idempotencyWindow()} is the SPI's default, zero. It takes X's key and rules (Chorus has no X adapter) and
 * speaks a small X-like protocol: {@code POST <endpoint>/2/tweets {"text": ...}} with the channel's bearer token,
 * answered {@code 201 {"data": {"id": ...}}}. Connecting asks the server nothing: the "app password" becomes the token.
 * <p>
 * Not a Spring component, so no test context picks it up by scanning: {@link ChorusWithoutIdempotency} adds it to a
 * Chorus started in a process of its own.
 */
final class NetworkWithoutIdempotency implements SocialNetwork, AppPasswordConnecting {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final Clock clock;

	NetworkWithoutIdempotency(Clock clock) {
		this.clock = clock;
	}

	@Override
	public NetworkKey key() {
		return NetworkKey.X;
	}

	@Override
	public AuthMethod auth() {
		return AuthMethod.APP_PASSWORD;
	}

	@Override
	public NetworkRules rules() {
		return NetworkRulesCatalog.x();
	}

	@Override
	public ConnectedAccount connect(String serviceUrl, String identifier, String appPassword) {
		return new ConnectedAccount(identifier, identifier, identifier, null, serviceUrl,
				new Credentials(appPassword, null, null, Map.of()), Map.of());
	}

	@Override
	public PublishResult publish(ChannelSession session, PostVariant variant, String idempotencyKey) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(session.endpoint() + "/2/tweets"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + session.credentials().accessToken())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", variant.text()))))
			.build();
		try {
			HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() == 201) {
				String id = JSON.readTree(answer.body()).path("data").path("id").asString();
				return new PublishResult.Published(RemotePostRef.of(id),
						session.endpoint() + "/" + session.handle() + "/status/" + id, clock.instant());
			}
			if (answer.statusCode() >= 500) {
				return new PublishResult.TransientFailure("answered " + answer.statusCode());
			}
			return new PublishResult.Rejected(List.of());
		}
		catch (IOException e) {
			return new PublishResult.TransientFailure(e.toString());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new PublishResult.TransientFailure("interrupted");
		}
	}
}
