package app.chorus.channels.network.mastodon;

import java.util.NoSuchElementException;
import java.util.function.Supplier;

import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.channels.spi.SessionRefreshing.ReauthorizationNeeded;

/**
 * What the calls other than publishing make of an answer. A refused token (401, or 403 for a token without the scope)
 * is {@link ReauthorizationNeeded}: a person must connect the channel again. No answer, a rate limit, a server error or
 * an unreadable answer is {@link NetworkUnavailable}: try later. A missing thing (404) is
 * {@link NoSuchElementException}, and any other refusal {@link IllegalStateException} with the network's message.
 */
final class MastodonAnswers {

	private MastodonAnswers() {
	}

	static MastodonClient.Answer call(Supplier<MastodonClient.Answer> request) {
		try {
			return request.get();
		}
		catch (InstanceUnreachable ex) {
			throw new NetworkUnavailable(ex.getMessage(), ex);
		}
	}

	/** The answer when it is a success; otherwise the exception above that fits. */
	static MastodonClient.Answer require(ChannelSession session, MastodonClient.Answer answer, String what) {
		if (answer.successful()) {
			return answer;
		}
		String message = session.endpoint() + " " + what + ": " + MastodonJson.errorText(answer.body(), answer.status());
		if (answer.status() == 401 || answer.status() == 403) {
			throw new ReauthorizationNeeded(message);
		}
		if (answer.status() == 429) {
			String reset = answer.header("X-RateLimit-Reset");
			throw new NetworkUnavailable(message + (reset == null ? "" : " (rate limited until " + reset + ")"));
		}
		if (answer.serverError() || answer.status() == 408 || answer.status() < 400) {
			throw new NetworkUnavailable(message);
		}
		if (answer.status() == 404 || answer.status() == 410) {
			throw new NoSuchElementException(message);
		}
		throw new IllegalStateException(message);
	}

	static MastodonClient.Answer fetch(ChannelSession session, String what, Supplier<MastodonClient.Answer> request) {
		return require(session, call(request), what);
	}

	static <T> T parse(ChannelSession session, Supplier<T> read) {
		try {
			return read.get();
		}
		catch (MastodonJson.MalformedAnswer ex) {
			throw new NetworkUnavailable(session.endpoint() + " answered with something unexpected: " + ex.getMessage(),
					ex);
		}
	}
}
