package app.chorus.channels.network.linkpreview;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.chorus.channels.network.linkpreview.CappedBody.Body;

/**
 * Fetches the page behind a link and reads what it offers for a link card (see {@link CardMetadata} for the tags and
 * their order), and fetches the card's image for a thumbnail.
 * <p>
 * The page address comes from whoever writes the post, so every fetch is kept on a short leash: http and https only;
 * 5 seconds to connect and 10 seconds for the whole fetch, redirects included; at most 1 MB of HTML, and nothing past
 * {@code </head>}; at most 5 redirects, followed here rather than by the HTTP client so that each hop is checked like
 * the first; only {@code text/html} is read as a page, and only JPEG, PNG, WebP and GIF of at most
 * {@link #MAX_IMAGE_BYTES} as an image.
 * <p>
 * <b>Private addresses.</b> Chorus runs inside someone's network, where a link like {@code http://192.168.1.1/} or
 * {@code http://169.254.169.254/latest/meta-data/} would let anyone who may write posts make the server read its
 * neighbours or its cloud's instance metadata and show the answer in a card (server-side request forgery). Unless
 * {@code chorus.link-preview.allow-private-addresses} is true, a host is only fetched when every address it resolves
 * to is public ({@link PublicAddresses}); this is checked again on every redirect. Turn it on for tests against a
 * local server, or where the pages linked to are on an intranet and everyone who can write posts may read them. The
 * HTTP client resolves the host once more when it connects, so a name server that answers differently within those
 * milliseconds (DNS rebinding) is not stopped by this check; a firewall in front of Chorus is the complete defence.
 * <p>
 * No method throws: a page or image that cannot be had, for any reason, is {@link Optional#empty()}, with the reason
 * logged (at info level for a refused address, at debug level otherwise).
 */
@Component
public class LinkPreview {

	/**
	 * What a page offers for its card.
	 * @param url where the page was read from, after redirects
	 * @param title from {@code og:title}, {@code twitter:title} or {@code <title>}; empty when the page has none
	 * @param description from {@code og:description}, {@code twitter:description} or
	 * {@code <meta name="description">}; empty when the page has none
	 * @param image the card image's absolute http(s) address, when the page names one
	 */
	public record Preview(String url, String title, String description, @Nullable URI image) {
	}

	/**
	 * A card image.
	 * @param bytes at most {@link #MAX_IMAGE_BYTES}
	 * @param mimeType {@code image/jpeg}, {@code image/png}, {@code image/webp} or {@code image/gif}, as the bytes show
	 */
	public record Image(byte[] bytes, String mimeType) {
	}

	/**
	 * The most image bytes fetched: Bluesky's limit for a card thumbnail (lexicon app.bsky.embed.external, #external,
	 * {@code thumb}: {@code maxSize 1000000}), the smallest of the networks'.
	 */
	public static final int MAX_IMAGE_BYTES = 1_000_000;
	static final int MAX_HTML_BYTES = 1024 * 1024;
	static final int MAX_REDIRECTS = 5;

	/** Names Chorus; the "compatible" form is what sites expect of crawlers, and some refuse bare client names. */
	static final String USER_AGENT = "Mozilla/5.0 (compatible; Chorus link preview; +self-hosted social media manager)";

	private static final Logger log = LoggerFactory.getLogger(LinkPreview.class);
	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
	private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
	private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp", "image/gif");
	// a name lookup blocks in the resolver, so it runs apart and is waited for no longer than the fetch may take
	private static final Executor LOOKUPS = task -> Thread.ofVirtual().name("link-preview-lookup").start(task);

	private final HttpClient http;
	private final Duration fetchTimeout;
	private final Predicate<InetAddress> reachable;

	/**
	 * @param allowPrivateAddresses fetch from loopback, link-local, private and other non-public addresses too (the
	 * class description says why that is off by default)
	 */
	@Autowired
	public LinkPreview(@Value("${chorus.link-preview.allow-private-addresses:false}") boolean allowPrivateAddresses) {
		this(CONNECT_TIMEOUT, FETCH_TIMEOUT, allowPrivateAddresses ? address -> true : PublicAddresses::isPublic);
	}

	LinkPreview(Duration connectTimeout, Duration fetchTimeout, Predicate<InetAddress> reachable) {
		this.fetchTimeout = fetchTimeout;
		this.reachable = reachable;
		// HTTP/1.1: some servers mishandle the cleartext HTTP/2 upgrade, and one page needs no multiplexing
		this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** The card metadata of the page at {@code url}; empty when it cannot be fetched or is not an HTML page. */
	public Optional<Preview> fetch(String url) {
		try {
			Fetched page = get(parse(url), Wanted.PAGE);
			CardMetadata card = CardMetadata.read(page.body().bytes(), charset(page.contentType()), page.url());
			return Optional.of(new Preview(page.url().toString(), card.title(), card.description(), card.image()));
		}
		catch (Unfetchable failure) {
			failure.log("page", url);
			return Optional.empty();
		}
		catch (RuntimeException unexpected) {
			// a card is never worth failing a post for, but this is a fault here: logged with its stack trace
			log.info("No link preview page from {}", url, unexpected);
			return Optional.empty();
		}
	}

	/** The image at {@code url}; empty when it cannot be fetched, is not JPEG, PNG, WebP or GIF, or is too large. */
	public Optional<Image> image(URI url) {
		try {
			Fetched image = get(url, Wanted.IMAGE);
			if (image.body().overflowed()) {
				throw new Unfetchable("larger than " + MAX_IMAGE_BYTES + " bytes");
			}
			byte[] bytes = image.body().bytes();
			String type = ImageTypes.of(bytes);
			if (type == null) {
				throw new Unfetchable("not a JPEG, PNG, WebP or GIF image, whatever " + image.contentType() + " says");
			}
			return Optional.of(new Image(bytes, type));
		}
		catch (Unfetchable failure) {
			failure.log("image", url.toString());
			return Optional.empty();
		}
		catch (RuntimeException unexpected) {
			log.info("No link preview image from {}", url, unexpected);
			return Optional.empty();
		}
	}

	private enum Wanted {

		PAGE("text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", MAX_HTML_BYTES, "</head>"),
		IMAGE("image/jpeg,image/png,image/webp,image/gif;q=0.9", MAX_IMAGE_BYTES, null);

		final String accept;
		final int limit;
		final @Nullable String stopAfter;

		Wanted(String accept, int limit, @Nullable String stopAfter) {
			this.accept = accept;
			this.limit = limit;
			this.stopAfter = stopAfter;
		}

		boolean takes(String mediaType, OptionalLong length) {
			return switch (this) {
				case PAGE -> mediaType.equals("text/html");
				case IMAGE -> IMAGE_TYPES.contains(mediaType) && (length.isEmpty() || length.getAsLong() <= limit);
			};
		}
	}

	private record Fetched(URI url, String contentType, Body body) {
	}

	/** A GET that follows redirects itself, checking every hop, within one deadline for the whole chain. */
	private Fetched get(URI start, Wanted wanted) throws Unfetchable {
		long deadline = System.nanoTime() + fetchTimeout.toNanos();
		URI url = start;
		for (int redirects = 0;; redirects++) {
			checkReachable(url, deadline);
			HttpRequest request = request(url, wanted, deadline);
			HttpResponse<Body> response = await(http.sendAsync(request, answer -> {
				boolean useful = answer.statusCode() / 100 == 2 && wanted.takes(mediaType(answer.headers()
					.firstValue("Content-Type").orElse("")), answer.headers().firstValueAsLong("Content-Length"));
				return new CappedBody(useful ? wanted.limit : 0, wanted.stopAfter);
			}), deadline);
			int status = response.statusCode();
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			if (REDIRECTS.contains(status)) {
				if (redirects == MAX_REDIRECTS) {
					throw new Unfetchable("more than " + MAX_REDIRECTS + " redirects");
				}
				String location = response.headers().firstValue("Location")
					.orElseThrow(() -> new Unfetchable("HTTP " + status + " without a Location"));
				url = next(url, location);
				continue;
			}
			if (status / 100 != 2) {
				throw new Unfetchable("HTTP " + status);
			}
			if (!wanted.takes(mediaType(contentType), response.headers().firstValueAsLong("Content-Length"))) {
				throw new Unfetchable("not wanted: " + (contentType.isEmpty() ? "no Content-Type" : contentType)
						+ response.headers().firstValue("Content-Length").map(length -> ", " + length + " bytes")
							.orElse(""));
			}
			return new Fetched(url, contentType, response.body());
		}
	}

	private static HttpRequest request(URI url, Wanted wanted, long deadline) throws Unfetchable {
		try {
			return HttpRequest.newBuilder(url).timeout(remaining(deadline)).header("User-Agent", USER_AGENT)
				.header("Accept", wanted.accept).GET().build();
		}
		catch (IllegalArgumentException unusable) {
			throw new Unfetchable("cannot request " + url + ": " + unusable.getMessage());
		}
	}

	private void checkReachable(URI url, long deadline) throws Unfetchable {
		if (!CardMetadata.isHttp(url)) {
			throw new Unfetchable("not an http(s) address: " + url);
		}
		String host = url.getHost();
		InetAddress[] addresses = await(CompletableFuture.supplyAsync(() -> {
			try {
				return InetAddress.getAllByName(host);
			}
			catch (UnknownHostException unknown) {
				throw new IllegalArgumentException("unknown host " + host, unknown);
			}
		}, LOOKUPS), deadline);
		for (InetAddress address : addresses) {
			if (!reachable.test(address)) {
				throw new Unfetchable(host + " is " + address.getHostAddress() + ", not a public address"
						+ " (chorus.link-preview.allow-private-addresses is false)", true);
			}
		}
	}

	private static <T> T await(CompletableFuture<T> call, long deadline) throws Unfetchable {
		try {
			return call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException late) {
			// cancelling the HTTP client's future aborts the exchange and closes its connection
			call.cancel(true);
			throw new Unfetchable("no complete answer in time");
		}
		catch (ExecutionException failed) {
			Throwable cause = failed.getCause() == null ? failed : failed.getCause();
			throw new Unfetchable(cause.getClass().getSimpleName()
					+ (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
		}
		catch (InterruptedException interrupted) {
			call.cancel(true);
			Thread.currentThread().interrupt();
			throw new Unfetchable("interrupted");
		}
	}

	private static Duration remaining(long deadline) throws Unfetchable {
		long nanos = deadline - System.nanoTime();
		if (nanos <= 0) {
			throw new Unfetchable("no complete answer in time");
		}
		return Duration.ofNanos(nanos);
	}

	private static URI parse(String url) throws Unfetchable {
		try {
			return new URI(url.strip());
		}
		catch (URISyntaxException malformed) {
			throw new Unfetchable("not an address: " + malformed.getMessage());
		}
	}

	private static URI next(URI from, String location) throws Unfetchable {
		try {
			URI base = from.getRawPath() == null || from.getRawPath().isEmpty() ? from.resolve("/") : from;
			return base.resolve(new URI(location.strip()));
		}
		catch (URISyntaxException | IllegalArgumentException malformed) {
			throw new Unfetchable("redirected to a malformed address: " + location);
		}
	}

	/** The media type of a Content-Type, lower case, without parameters. */
	private static String mediaType(String contentType) {
		int parameters = contentType.indexOf(';');
		return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
	}

	private static @Nullable Charset charset(String contentType) {
		return Arrays.stream(contentType.split(";")).skip(1).map(String::strip)
			.filter(parameter -> parameter.toLowerCase(Locale.ROOT).startsWith("charset="))
			.map(parameter -> parameter.substring("charset=".length()).replace("\"", "").replace("'", ""))
			.map(CardMetadata::charset).filter(charset -> charset != null).findFirst().orElse(null);
	}

	/** Why a page or image could not be had; never leaves this class. */
	private static final class Unfetchable extends Exception {

		private final boolean refusedAddress;

		Unfetchable(String reason) {
			this(reason, false);
		}

		Unfetchable(String reason, boolean refusedAddress) {
			super(reason, null, false, false);
			this.refusedAddress = refusedAddress;
		}

		void log(String what, String url) {
			if (refusedAddress) {
				log.info("No link preview {} from {}: {}", what, url, getMessage());
			}
			else {
				log.debug("No link preview {} from {}: {}", what, url, getMessage());
			}
		}
	}
}
