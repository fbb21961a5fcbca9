package app.chorus.channels.network.linkpreview;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import org.jspecify.annotations.Nullable;

/**
 * Reads a response body up to a limit and then hangs up, so that a page of any size costs at most the limit in
 * memory. With a stop marker ({@code </head>}) it also hangs up as soon as the marker has arrived.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Body> {

	/**
	 * @param bytes what was read
	 * @param overflowed true when the body went on past the limit (and was cut there)
	 */
	record Body(byte[] bytes, boolean overflowed) {
	}

	private final int limit;
	private final byte @Nullable [] stopAfter;
	private byte[] collected;
	private int size;
	private final CompletableFuture<Body> result = new CompletableFuture<>();
	private Flow.@Nullable Subscription subscription;

	/**
	 * @param limit the most bytes to keep; 0 hangs up at once (a body not wanted)
	 * @param stopAfter an ASCII marker, matched without regard to case, after which nothing more is needed
	 */
	CappedBody(int limit, @Nullable String stopAfter) {
		this.limit = limit;
		this.stopAfter = stopAfter == null ? null
				: stopAfter.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		this.collected = new byte[Math.min(limit, 64 * 1024)];
	}

	@Override
	public CompletionStage<Body> getBody() {
		return result;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		if (limit == 0) {
			finish(false);
		}
		else {
			subscription.request(1);
		}
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		if (result.isDone()) {
			return;
		}
		int searchFrom = size;
		for (ByteBuffer item : items) {
			int take = Math.min(limit - size, item.remaining());
			if (size + take > collected.length) {
				long grown = Math.max(2L * collected.length, size + take);
				collected = Arrays.copyOf(collected, (int) Math.min(limit, grown));
			}
			item.get(collected, size, take);
			size += take;
			if (item.hasRemaining()) {
				finish(true);
				return;
			}
		}
		byte[] marker = stopAfter;
		if (marker != null && contains(marker, searchFrom)) {
			finish(false);
			return;
		}
		if (subscription != null) {
			subscription.request(1);
		}
	}

	@Override
	public void onError(Throwable failure) {
		result.completeExceptionally(failure);
	}

	@Override
	public void onComplete() {
		result.complete(new Body(Arrays.copyOf(collected, size), false));
	}

	private void finish(boolean overflowed) {
		if (subscription != null) {
			subscription.cancel();
		}
		result.complete(new Body(Arrays.copyOf(collected, size), overflowed));
	}

	/** Whether the marker ends somewhere after {@code newFrom}, the first byte of what just arrived. */
	private boolean contains(byte[] marker, int newFrom) {
		int start = Math.max(0, newFrom - marker.length + 1);
		for (int i = start; i + marker.length <= size; i++) {
			int matched = 0;
			while (matched < marker.length && lower(collected[i + matched]) == marker[matched]) {
				matched++;
			}
			if (matched == marker.length) {
				return true;
			}
		}
		return false;
	}

	private static byte lower(byte b) {
		return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
	}
}
