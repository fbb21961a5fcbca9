package app.chorus.channels.network.linkpreview;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.network.linkpreview.LinkPreview.Image;
import app.chorus.channels.network.linkpreview.LinkPreview.Preview;

/** Pages and images served by WireMock, shaped like what sites send for their cards. */
class LinkPreviewTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	/** Private addresses allowed (WireMock is on loopback); short timeouts, so that the timeout tests are quick. */
	private final LinkPreview preview = new LinkPreview(Duration.ofSeconds(1), Duration.ofSeconds(2), address -> true);

	private static ResponseDefinitionBuilder html(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8").withBody(body);
	}

	private static ResponseDefinitionBuilder redirect(int status, String location) {
		return aResponse().withStatus(status).withHeader("Location", location);
	}

	private String url(String path) {
		return server.baseUrl() + path;
	}

	private static byte[] png(int size) {
		byte[] png = new byte[size];
		System.arraycopy(PNG_SIGNATURE, 0, png, 0, PNG_SIGNATURE.length);
		return png;
	}

	@Test
	void openGraphTagsMakeTheCard() {
		server.stubFor(get("/launch").willReturn(html("""
				<!doctype html>
				<html lang="en"><head>
				<meta charset="utf-8">
				<title>Chorus | Home</title>
				<meta name="description" content="The plain description">
				<meta name="twitter:title" content="The Twitter title">
				<meta property="og:title" content="Chorus 1.0 is out" />
				<meta property='og:description' content='Self-hosted social media management'>
				<meta content="https://cdn.chorus.example/card.png" property="og:image">
				<meta property="og:image" content="https://cdn.chorus.example/second.png">
				</head><body><h1>Chorus</h1></body></html>
				""")));

		Optional<Preview> card = preview.fetch(url("/launch"));

		assertThat(card).contains(new Preview(url("/launch"), "Chorus 1.0 is out",
				"Self-hosted social media management", URI.create("https://cdn.chorus.example/card.png")));
		server.verify(getRequestedFor(urlEqualTo("/launch")).withHeader("User-Agent", containing("Chorus")));
	}

	@Test
	void twitterCardTagsStandInForMissingOpenGraph() {
		server.stubFor(get("/post").willReturn(html("""
				<html><head>
				<title>Page title</title>
				<meta property="og:title" content="   ">
				<meta name="twitter:title" content="The Twitter title">
				<meta name="twitter:description" content="The Twitter description">
				<meta name="description" content="The plain description">
				<meta name="twitter:image" content="https://cdn.chorus.example/twitter.jpg">
				</head></html>
				""")));

		assertThat(preview.fetch(url("/post"))).contains(new Preview(url("/post"), "The Twitter title",
				"The Twitter description", URI.create("https://cdn.chorus.example/twitter.jpg")));
	}

	@Test
	void theTitleAndDescriptionTagsAreTheLastResort() {
		server.stubFor(get("/plain").willReturn(html("""
				<HTML><HEAD>
				<!-- <meta property="og:title" content="Commented out"> -->
				<script>document.write('<meta property="og:description" content="Written by a script">');</script>
				<TITLE>
				    An old-fashioned   page
				</TITLE>
				<META NAME="Description" CONTENT="Described the old way">
				</HEAD><BODY></BODY></HTML>
				""")));

		assertThat(preview.fetch(url("/plain")))
			.contains(new Preview(url("/plain"), "An old-fashioned page", "Described the old way", null));
	}

	@Test
	void aPageWithNothingForCardsGivesAnEmptyPreview() {
		server.stubFor(get("/bare").willReturn(html("<html><head></head><body>Hello</body></html>")));

		assertThat(preview.fetch(url("/bare"))).contains(new Preview(url("/bare"), "", "", null));
	}

	@Test
	void aRelativeImageIsResolvedAgainstThePage() {
		server.stubFor(get("/blog/2026/launch.html").willReturn(html("""
				<html><head>
				<meta property="og:image" content="../../img/launch card.png?w=1200&amp;h=630">
				</head></html>
				""")));
		server.stubFor(get("/root").willReturn(html("""
				<html><head><meta property="og:image" content="//cdn.chorus.example/card.png"></head></html>
				""")));
		server.stubFor(get("/based").willReturn(html("""
				<html><head><base href="https://static.chorus.example/assets/">
				<meta property="og:image" content="card.webp"></head></html>
				""")));
		server.stubFor(get("/data").willReturn(html("""
				<html><head><meta property="og:image" content="data:image/png;base64,iVBORw0KGgo="></head></html>
				""")));

		assertThat(preview.fetch(url("/blog/2026/launch.html")).map(Preview::image))
			.contains(URI.create(url("/img/launch%20card.png?w=1200&h=630")));
		assertThat(preview.fetch(url("/root")).map(Preview::image))
			.contains(URI.create("http://cdn.chorus.example/card.png"));
		assertThat(preview.fetch(url("/based")).map(Preview::image))
			.contains(URI.create("https://static.chorus.example/assets/card.webp"));
		assertThat(preview.fetch(url("/data"))).hasValueSatisfying(card -> assertThat(card.image()).isNull());
	}

	@Test
	void entitiesAreDecodedAndWhitespaceTrimmed() {
		server.stubFor(get("/entities").willReturn(html("""
				<html><head>
				<meta property="og:title" content="
				   Caf&eacute; &amp; Bar &#8212; we&rsquo;re open &#x1F600; &bogus; &times;2 &yuml;
				">
				<meta property="og:description" content="&quot;Quoted&quot; &lt;b&gt;not bold&lt;/b&gt;&nbsp;&hellip;">
				</head></html>
				""")));

		Preview card = preview.fetch(url("/entities")).orElseThrow();

		assertThat(card.title()).isEqualTo("Café & Bar — we’re open 😀 &bogus; ×2 ÿ");
		assertThat(card.description()).isEqualTo("\"Quoted\" <b>not bold</b>\u00a0…");
	}

	@Test
	void theCharsetComesFromTheHeaderOrElseFromTheMetaTag() {
		byte[] latin1 = """
				<html><head><meta charset="iso-8859-1"><title>Crème brûlée à Zürich</title></head></html>
				""".getBytes(StandardCharsets.ISO_8859_1);
		server.stubFor(get("/meta-charset").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html").withBody(latin1)));
		byte[] windows1252 = "<html><head><title>Price: 5 \u20ac</title></head></html>"
			.getBytes(Charset.forName("windows-1252"));
		server.stubFor(get("/header-charset").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html; charset=\"windows-1252\"").withBody(windows1252)));
		server.stubFor(get("/default").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
			.withBody("<title>한국어 제목</title>".getBytes(StandardCharsets.UTF_8))));

		assertThat(preview.fetch(url("/meta-charset")).map(Preview::title)).contains("Crème brûlée à Zürich");
		assertThat(preview.fetch(url("/header-charset")).map(Preview::title)).contains("Price: 5 €");
		assertThat(preview.fetch(url("/default")).map(Preview::title)).contains("한국어 제목");
	}

	@Test
	void onlyHtmlPagesAreRead() {
		String card = "<html><head><title>Looks like a page</title></head></html>";
		server.stubFor(get("/json").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json").withBody(card)));
		server.stubFor(get("/untyped").willReturn(aResponse().withStatus(200).withBody(card)));
		server.stubFor(get("/picture").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "image/png").withBody(png(100))));

		assertThat(preview.fetch(url("/json"))).isEmpty();
		assertThat(preview.fetch(url("/untyped"))).isEmpty();
		assertThat(preview.fetch(url("/picture"))).isEmpty();
	}

	@Test
	void aMissingPageOrAnUnusableAddressGivesNothing() {
		server.stubFor(get("/gone").willReturn(html("<title>Not found</title>").withStatus(404)));

		assertThat(preview.fetch(url("/gone"))).isEmpty();
		assertThat(preview.fetch("ftp://files.chorus.example/readme.html")).isEmpty();
		assertThat(preview.fetch("not a link at all")).isEmpty();
		assertThat(preview.fetch("file:///etc/passwd")).isEmpty();
	}

	@Test
	void aHugePageIsReadOnlyUpToOneMegabyte() {
		String filler = "x".repeat(3 * 1024 * 1024);
		server.stubFor(get("/huge").willReturn(html("<html><head><title>Early title</title><!--" + filler
				+ "--><meta property=\"og:title\" content=\"Past the limit\"></head></html>")));
		server.stubFor(get("/within").willReturn(html("<html><head><title>Early title</title><!--"
				+ "x".repeat(900 * 1024)
				+ "--><meta property=\"og:title\" content=\"Within the limit\"></head></html>")));

		assertThat(preview.fetch(url("/huge")).map(Preview::title)).contains("Early title");
		assertThat(preview.fetch(url("/within")).map(Preview::title)).contains("Within the limit");
	}

	@Test
	void aChainOfFiveRedirectsIsFollowed() {
		server.stubFor(get("/r1").willReturn(redirect(301, url("/r2"))));
		server.stubFor(get("/r2").willReturn(redirect(302, "/r3")));
		server.stubFor(get("/r3").willReturn(redirect(303, "r4")));
		server.stubFor(get("/r4").willReturn(redirect(307, url("/r5"))));
		server.stubFor(get("/r5").willReturn(redirect(308, "/final?from=r5")));
		server.stubFor(get("/final?from=r5").willReturn(html("""
				<html><head><meta property="og:title" content="Arrived"><meta property="og:image" content="card.png">
				</head></html>""")));

		Preview card = preview.fetch(url("/r1")).orElseThrow();

		assertThat(card.title()).isEqualTo("Arrived");
		assertThat(card.url()).isEqualTo(url("/final?from=r5"));
		assertThat(card.image()).isEqualTo(URI.create(url("/card.png")));
	}

	@Test
	void aSixthRedirectIsNotFollowed() {
		for (int hop = 1; hop <= 6; hop++) {
			server.stubFor(get("/hop" + hop).willReturn(redirect(302, "/hop" + (hop + 1))));
		}
		server.stubFor(get("/hop7").willReturn(html("<title>Too far</title>")));

		assertThat(preview.fetch(url("/hop1"))).isEmpty();
		for (int hop = 1; hop <= 6; hop++) {
			server.verify(1, getRequestedFor(urlEqualTo("/hop" + hop)));
		}
		server.verify(0, getRequestedFor(urlEqualTo("/hop7")));
	}

	@Test
	void privateAddressesAreRefusedByDefault() {
		server.stubFor(get("/page").willReturn(html("<title>Internal</title>")));
		server.stubFor(get("/card.png").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "image/png").withBody(png(100))));
		LinkPreview byDefault = new LinkPreview(false);

		assertThat(byDefault.fetch("http://127.0.0.1:" + server.getPort() + "/page")).isEmpty();
		assertThat(byDefault.fetch("http://[::1]:" + server.getPort() + "/page")).isEmpty();
		assertThat(byDefault.image(URI.create("http://127.0.0.1:" + server.getPort() + "/card.png"))).isEmpty();
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aRedirectToAPrivateAddressIsRefused() throws UnknownHostException {
		// only WireMock's own address is trusted; every other address follows the default rules
		InetAddress wireMock = InetAddress.getByName("127.0.0.1");
		LinkPreview guarded = new LinkPreview(Duration.ofSeconds(1), Duration.ofSeconds(2),
				address -> address.equals(wireMock) || PublicAddresses.isPublic(address));
		server.stubFor(get("/innocent").willReturn(redirect(302, "http://127.0.0.2:" + server.getPort() + "/secret")));
		server.stubFor(get("/secret").willReturn(html("<title>Internal only</title>")));

		assertThat(guarded.fetch("http://" + wireMock.getHostAddress() + ":" + server.getPort() + "/innocent"))
			.isEmpty();
		server.verify(1, getRequestedFor(urlEqualTo("/innocent")));
		server.verify(0, getRequestedFor(urlEqualTo("/secret")));
		// the same redirect is followed where private addresses are allowed, so the refusal above is the check's
		assertThat(preview.fetch(url("/innocent")).map(Preview::title)).contains("Internal only");
	}

	@Test
	void aServerThatAnswersTooSlowlyGivesNothingInTime() {
		server.stubFor(get("/slow").willReturn(html("<title>Late</title>").withFixedDelay(5000)));
		server.stubFor(get("/dribble").willReturn(html("<html><head><title>Slowly</title>" + " ".repeat(2000)
				+ "</head></html>").withChunkedDribbleDelay(20, 5000)));

		long started = System.nanoTime();
		assertThat(preview.fetch(url("/slow"))).isEmpty();
		assertThat(preview.fetch(url("/dribble"))).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
	}

	@Test
	void aCardImageIsFetchedWithTheTypeItsBytesShow() {
		byte[] png = png(2048);
		server.stubFor(get("/card.png").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "image/png").withBody(png)));
		byte[] webp = new byte[64];
		System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, webp, 0, 4);
		System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, webp, 8, 8);
		server.stubFor(get("/mislabelled").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "image/jpeg").withBody(webp)));

		Image image = preview.image(URI.create(url("/card.png"))).orElseThrow();
		assertThat(image.mimeType()).isEqualTo("image/png");
		assertThat(image.bytes()).isEqualTo(png);
		assertThat(preview.image(URI.create(url("/mislabelled"))).map(Image::mimeType)).contains("image/webp");
	}

	@Test
	void anImageMustBeSmallEnoughAndReallyAnImage() {
		server.stubFor(get("/limit.png").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "image/png").withBody(png(LinkPreview.MAX_IMAGE_BYTES))));
		server.stubFor(get("/too-big.png").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "image/png").withBody(png(LinkPreview.MAX_IMAGE_BYTES + 1))));
		server.stubFor(get("/too-big-unannounced.png").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "image/png").withBody(png(3 * LinkPreview.MAX_IMAGE_BYTES))
			.withChunkedDribbleDelay(30, 300)));
		server.stubFor(get("/error-page.png").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "image/png").withBody("<html>Oops</html>")));
		server.stubFor(get("/vector.svg").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "image/svg+xml").withBody("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")));
		server.stubFor(get("/missing.png").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "image/png").withBody(png(100))));

		assertThat(preview.image(URI.create(url("/limit.png")))).hasValueSatisfying(
				image -> assertThat(image.bytes()).hasSize(LinkPreview.MAX_IMAGE_BYTES));
		assertThat(preview.image(URI.create(url("/too-big.png")))).isEmpty();
		assertThat(preview.image(URI.create(url("/too-big-unannounced.png")))).isEmpty();
		assertThat(preview.image(URI.create(url("/error-page.png")))).isEmpty();
		assertThat(preview.image(URI.create(url("/vector.svg")))).isEmpty();
		assertThat(preview.image(URI.create(url("/missing.png")))).isEmpty();
	}

	@Test
	void cappedBodyHangsUpAfterTheEndOfTheHead() {
		CappedBody body = new CappedBody(1024, "</head>");
		AtomicBoolean cancelled = new AtomicBoolean();
		body.onSubscribe(new Flow.Subscription() {
			@Override
			public void request(long n) {
			}

			@Override
			public void cancel() {
				cancelled.set(true);
			}
		});
		ByteArrayOutputStream sent = new ByteArrayOutputStream();
		for (String chunk : new String[] { "<html><head><title>T</title></HE", "AD><body>", "more" }) {
			if (!cancelled.get()) {
				byte[] bytes = chunk.getBytes(StandardCharsets.US_ASCII);
				sent.writeBytes(bytes);
				body.onNext(List.of(ByteBuffer.wrap(bytes)));
			}
		}

		assertThat(cancelled).isTrue();
		CappedBody.Body read = body.getBody().toCompletableFuture().join();
		assertThat(new String(read.bytes(), StandardCharsets.US_ASCII))
			.isEqualTo("<html><head><title>T</title></HEAD><body>");
		assertThat(read.overflowed()).isFalse();
		assertThat(Arrays.equals(read.bytes(), sent.toByteArray())).isTrue();
	}
}
