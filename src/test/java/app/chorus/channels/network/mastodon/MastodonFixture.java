package app.chorus.channels.network.mastodon;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.Credentials;

/** The adapter wired for tests: short timeouts, a fixed clock, and pauses recorded instead of slept. */
final class MastodonFixture {

	static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
	static final String ACCOUNT_ID = "14715";
	static final String TOKEN = "ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0";

	final List<Duration> pauses = new ArrayList<>();
	final MastodonNetwork network;

	MastodonFixture() {
		this(Duration.ofSeconds(5));
	}

	MastodonFixture(Duration readTimeout) {
		MastodonClient client = new MastodonClient(Duration.ofSeconds(2), readTimeout, readTimeout);
		this.network = new MastodonNetwork(client, Clock.fixed(NOW, ZoneOffset.UTC), pauses::add);
	}

	static ChannelSession session(String baseUrl) {
		return session(baseUrl, Map.of());
	}

	static ChannelSession session(String baseUrl, Map<String, String> settings) {
		return new ChannelSession(UUID.fromString("0193a5b0-0000-7000-8000-000000000001"), baseUrl, ACCOUNT_ID,
				"trwnh@mastodon.social", new Credentials(TOKEN, null, null,
						Map.of("clientId", "TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM", "clientSecret",
								"ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw")),
				settings);
	}

	/** An address where nothing listens: the port was free a moment ago. */
	static String nobodyListening() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://localhost:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
