package app.chorus.channels.network.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import app.chorus.channels.network.linkpreview.LinkPreview;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.ConnectedAccount;
import app.chorus.channels.spi.ConnectionRefused;
import app.chorus.channels.spi.Credentials;
import app.chorus.channels.spi.InboxReading.InboxEvent;
import app.chorus.channels.spi.InboxReading.InboxPage;
import app.chorus.channels.spi.InboxReading.Kind;
import app.chorus.channels.spi.MediaItem;
import app.chorus.channels.spi.MetricsReading.PostMetrics;
import app.chorus.channels.spi.Moderating.Action;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.PublishResult;
import app.chorus.channels.spi.PublishResult.Published;
import app.chorus.channels.spi.RemotePostRef;
import app.chorus.channels.spi.SessionRefreshing.ReauthorizationNeeded;
import app.chorus.channels.spi.Surface;
import app.chorus.support.AtprotoPeer;
import app.chorus.support.AtprotoPeer.Account;
import app.chorus.support.AtprotoPeer.Pds;
import tools.jackson.databind.JsonNode;

/**
 * The adapter against Bluesky's own reference servers (PLC directory, PDS, AppView) on loopback: see peers/README.md.
 * The network is fresh on every start, so the test makes its own accounts.
 */
@Tag("peer")
class BlueskyNetworkPeerTests {

	private static final Duration INDEXING = Duration.ofSeconds(20);

	private final BlueskyNetwork bluesky = new BlueskyNetwork(Clock.systemUTC(), AtprotoPeer.PLC,
			new LinkPreview(false));
	private final String suffix = Long.toString(System.nanoTime() % 100_000_000L, 36);

	@BeforeAll
	static void theLocalNetworkRuns() {
		AtprotoPeer.requireRunning();
	}

	@Test
	void aPostWithAnImageIsRepliedToLikedCountedModeratedAndDeleted() {
		Account alice = Account.create("alice" + suffix + ".test");
		Account bob = Account.create("bob" + suffix + ".test");

		ConnectedAccount connected = bluesky.connect(AtprotoPeer.PDS, alice.handle(), alice.appPassword());

		assertThat(connected.accountId()).isEqualTo(alice.did());
		assertThat(connected.handle()).isEqualTo(alice.handle());
		assertThat(connected.endpoint()).isEqualTo(AtprotoPeer.PDS);
		assertThat(connected.credentials().expiresAt()).isAfter(Instant.now());
		assertThat(connected.settings()).containsEntry("plcUrl", AtprotoPeer.PLC);
		ChannelSession asAlice = session(connected);
		ChannelSession asBob = session(bluesky.connect(AtprotoPeer.PDS, bob.did(), bob.appPassword()));

		// Alice posts a picture with alt text
		byte[] png = png();
		String key = UUID.randomUUID().toString();
		PostVariant picture = new PostVariant(Surface.BLUESKY_POST, "Our new logo 🎨 #chorus",
				List.of(new MediaItem("image/png", () -> png, png.length, 32, 24, null, "A blue rectangle")), null,
				null, null, "en", Map.of());
		Published post = (Published) bluesky.publish(asAlice, picture, key);
		assertThat(post.url()).isEqualTo("https://bsky.app/profile/" + alice.handle() + "/post/"
				+ AtUri.parse(post.post().id()).rkey());
		JsonNode record = Pds.get("com.atproto.repo.getRecord", alice.accessJwt(), "repo", alice.did(), "collection",
				"app.bsky.feed.post", "rkey", AtUri.parse(post.post().id()).rkey()).path("value");
		assertThat(record.path("embed").path("images").get(0).path("alt").asString()).isEqualTo("A blue rectangle");
		assertThat(record.path("embed").path("images").get(0).path("aspectRatio").path("width").asInt()).isEqualTo(32);
		assertThat(record.path("facets").get(0).path("features").get(0).path("tag").asString()).isEqualTo("chorus");

		// publishing again with the same idempotency key writes nothing new
		PublishResult again = bluesky.publish(asAlice, picture, key);
		assertThat(again).isInstanceOfSatisfying(Published.class,
				same -> assertThat(same.post()).isEqualTo(post.post()));
		assertThat(Pds.get("com.atproto.repo.listRecords", alice.accessJwt(), "repo", alice.did(), "collection",
				"app.bsky.feed.post").path("records")).hasSize(1);

		// Bob replies, mentioning Alice; the mention is resolved to her DID
		Published reply = (Published) bluesky.reply(asBob, post.post(),
				PostVariant.text(Surface.BLUESKY_POST, "@" + alice.handle() + " looks great!"), UUID.randomUUID()
					.toString());
		assertThat(reply.post().rootId()).isEqualTo(post.post().id());
		JsonNode replyRecord = Pds.get("com.atproto.repo.getRecord", bob.accessJwt(), "repo", bob.did(), "collection",
				"app.bsky.feed.post", "rkey", AtUri.parse(reply.post().id()).rkey()).path("value");
		assertThat(replyRecord.path("facets").get(0).path("features").get(0).path("did").asString())
			.isEqualTo(alice.did());
		assertThat(replyRecord.path("reply").path("parent").path("cid").asString())
			.isEqualTo(post.post().contentHash());

		// Alice's inbox shows it (a reply that mentions the parent's author is a mention)
		AtomicReference<InboxPage> first = new AtomicReference<>();
		await().atMost(INDEXING).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			InboxPage page = bluesky.read(asAlice, null);
			assertThat(page.events()).extracting(InboxEvent::remoteId).contains(reply.post().id());
			first.set(page);
		});
		InboxEvent mention = first.get().events().stream().filter(e -> e.remoteId().equals(reply.post().id()))
			.findFirst().orElseThrow();
		assertThat(mention.kind()).isEqualTo(Kind.MENTION);
		assertThat(mention.authorId()).isEqualTo(bob.did());
		assertThat(mention.authorHandle()).isEqualTo(bob.handle());
		assertThat(mention.text()).isEqualTo("@" + alice.handle() + " looks great!");
		assertThat(mention.subject()).isNotNull().extracting(RemotePostRef::id).isEqualTo(post.post().id());

		// a plain reply comes after the cursor; the mention does not come again
		Published plainReply = (Published) bluesky.reply(asBob, post.post(),
				PostVariant.text(Surface.BLUESKY_POST, "Really nice."), UUID.randomUUID().toString());
		await().atMost(INDEXING).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			InboxPage next = bluesky.read(asAlice, first.get().cursor());
			assertThat(next.events()).extracting(InboxEvent::remoteId).containsExactly(plainReply.post().id());
			assertThat(next.events().get(0).kind()).isEqualTo(Kind.REPLY);
		});

		// Bob likes the post; Alice's counts show it
		Pds.post("com.atproto.repo.createRecord", bob.accessJwt(), Map.of("repo", bob.did(), "collection",
				"app.bsky.feed.like", "record", Map.of("$type", "app.bsky.feed.like", "subject",
						Map.of("uri", post.post().id(), "cid", post.post().contentHash()), "createdAt",
						Instant.now().toString())));
		await().atMost(INDEXING).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			Map<String, PostMetrics> metrics = bluesky.metrics(asAlice, List.of(post.post()));
			assertThat(metrics.get(post.post().id())).isEqualTo(new PostMetrics(1, 0, 2, 0, -1));
		});

		// public profiles
		assertThat(bluesky.profile(asAlice, bob.handle()).id()).isEqualTo(bob.did());

		// Alice mutes and blocks Bob
		bluesky.moderate(asAlice, Action.MUTE, bob.handle());
		bluesky.moderate(asAlice, Action.BLOCK, bob.did());
		await().atMost(INDEXING).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			JsonNode viewer = Pds.get("app.bsky.actor.getProfile", alice.accessJwt(), "actor", bob.did()).path("viewer");
			assertThat(viewer.path("muted").asBoolean()).isTrue();
			assertThat(viewer.path("blocking").asString()).startsWith("at://" + alice.did() + "/app.bsky.graph.block/");
		});

		// Alice deletes her post; deleting it again succeeds
		bluesky.delete(asAlice, post.post());
		bluesky.delete(asAlice, post.post());
		assertThat(Pds.get("com.atproto.repo.listRecords", alice.accessJwt(), "repo", alice.did(), "collection",
				"app.bsky.feed.post").path("records")).isEmpty();
	}

	@Test
	void sessionsRefreshFallBackToTheAppPasswordAndEndWhenItIsRevoked() {
		Account carol = Account.create("carol" + suffix + ".test");
		ChannelSession asCarol = session(bluesky.connect(AtprotoPeer.PDS, carol.handle(), carol.appPassword()));

		Credentials refreshed = bluesky.refresh(asCarol);
		assertThat(refreshed.refreshToken()).isNotEqualTo(asCarol.credentials().refreshToken());
		assertThat(Pds.get("com.atproto.server.getSession", refreshed.accessToken()).path("did").asString())
			.isEqualTo(carol.did());
		ChannelSession renewed = withCredentials(asCarol, refreshed);

		// once the session is revoked, its refresh token is refused: the app password starts a new one
		bluesky.revoke(renewed);
		assertThat(Pds.refusedRefresh(renewed.credentials().refreshToken())).contains("\"error\"");
		Credentials fromAppPassword = bluesky.refresh(renewed);
		assertThat(Pds.get("com.atproto.server.getSession", fromAppPassword.accessToken()).path("did").asString())
			.isEqualTo(carol.did());

		// with the app password revoked too, a person must connect the channel again
		Pds.post("com.atproto.server.revokeAppPassword", carol.accessJwt(), Map.of("name", "chorus"));
		assertThatThrownBy(() -> bluesky.refresh(withCredentials(renewed, fromAppPassword)))
			.isInstanceOf(ReauthorizationNeeded.class);
		assertThatThrownBy(() -> bluesky.connect(AtprotoPeer.PDS, carol.handle(), carol.appPassword()))
			.isInstanceOfSatisfying(ConnectionRefused.class, refused -> assertThat(refused.field())
				.isEqualTo("appPassword"));
		assertThatThrownBy(() -> bluesky.connect(AtprotoPeer.PDS, "nobody" + suffix + ".test", carol.appPassword()))
			.isInstanceOfSatisfying(ConnectionRefused.class, refused -> assertThat(refused.field())
				.isEqualTo("handle"));
	}

	@Test
	void aReplyTheAppViewIndexedBeforeOurPostIsFoundInTheThreadWhenTheNotificationNeverCame() {
		Account dana = Account.create("dana" + suffix + ".test");
		Account erin = Account.create("erin" + suffix + ".test");
		ChannelSession asDana = session(bluesky.connect(AtprotoPeer.PDS, dana.handle(), dana.appPassword()));
		String cursor = bluesky.read(asDana, null).cursor();

		// Erin's reply reaches the AppView before Dana's post does (here: it is written first, to the post's address)
		String rkey = RecordKeys.fromIdempotencyKey(UUID.randomUUID().toString());
		String ours = "at://" + dana.did() + "/app.bsky.feed.post/" + rkey;
		Map<String, Object> unknownYet = Map.of("uri", ours, "cid",
				"bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm");
		String early = Pds.post("com.atproto.repo.createRecord", erin.accessJwt(), Map.of("repo", erin.did(),
				"collection", "app.bsky.feed.post", "record", Map.of("$type", "app.bsky.feed.post", "text",
						"First! 🎉", "createdAt", Instant.now().toString(), "reply", Map.of("root", unknownYet,
								"parent", unknownYet)))).path("uri").asString();
		AtprotoPeer.AppView.awaitIndexed(early);
		Pds.post("com.atproto.repo.createRecord", dana.accessJwt(), Map.of("repo", dana.did(), "collection",
				"app.bsky.feed.post", "rkey", rkey, "record", Map.of("$type", "app.bsky.feed.post", "text",
						"Our autumn range is here", "createdAt", Instant.now().toString())));
		AtprotoPeer.AppView.awaitIndexed(ours);
		await().atMost(INDEXING).pollInterval(Duration.ofMillis(300)).until(() -> Pds.get(
				"app.bsky.feed.getPostThread", dana.accessJwt(), "uri", ours).path("thread").path("replies").size() == 1);

		// the notifications never tell of it; the look at our posts' threads does
		assertThat(Pds.get("app.bsky.notification.listNotifications", dana.accessJwt()).path("notifications")
			.findValuesAsString("uri")).doesNotContain(early);
		assertThat(bluesky.read(asDana, cursor).events()).isEmpty();
		BlueskyNetwork fiveMinutesOn = new BlueskyNetwork(Clock.offset(Clock.systemUTC(),
				BlueskyInbox.THREADS_EVERY), AtprotoPeer.PLC, new LinkPreview(false));
		InboxPage looked = fiveMinutesOn.read(asDana, cursor);

		assertThat(looked.events()).extracting(InboxEvent::remoteId).containsExactly(early);
		InboxEvent reply = looked.events().getFirst();
		assertThat(reply.kind()).isEqualTo(Kind.REPLY);
		assertThat(reply.authorHandle()).isEqualTo(erin.handle());
		assertThat(reply.text()).isEqualTo("First! 🎉");
		assertThat(reply.subject()).isNotNull().extracting(RemotePostRef::id).isEqualTo(ours);
	}

	private static ChannelSession session(ConnectedAccount account) {
		return new ChannelSession(UUID.randomUUID(), account.endpoint(), account.accountId(), account.handle(),
				account.credentials(), account.settings());
	}

	private static ChannelSession withCredentials(ChannelSession session, Credentials credentials) {
		return new ChannelSession(session.channelId(), session.endpoint(), session.accountId(), session.handle(),
				credentials, session.settings());
	}

	private static byte[] png() {
		BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0x1D, 0x4E, 0xD8));
		graphics.fillRect(0, 0, 32, 24);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}
