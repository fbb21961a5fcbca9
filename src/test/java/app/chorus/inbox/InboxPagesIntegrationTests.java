package app.chorus.inbox;

import static app.chorus.inbox.BlueskyNotifications.mention;
import static app.chorus.inbox.BlueskyNotifications.newest;
import static app.chorus.inbox.BlueskyNotifications.notification;
import static app.chorus.inbox.BlueskyNotifications.postUri;
import static app.chorus.inbox.BlueskyNotifications.replyTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.channels.ChannelId;
import app.chorus.identity.UserAccount;
import app.chorus.inbox.internal.InboxIngestion;
import app.chorus.inbox.internal.InboxService;
import app.chorus.inbox.internal.InboxService.ItemView;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.support.WebClient;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;

/**
 * The inbox pages as a signed-in browser uses them (forms with their CSRF token, no script): the list with its
 * filters and a bad filter explained, a conversation with reply, note, assignment and status, bulk changes, hostile
 * message text shown as text, and another workspace's conversation answering 404 everywhere.
 */
@ChorusIntegrationTest
class InboxPagesIntegrationTests {

	static final Instant T = Instant.parse("2026-05-04T09:00:00Z");
	static final String HOSTILE = "<script>alert('owned')</script><img src=x onerror=alert(1)> \u0007bell \u202Eevil";

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	InboxIngestion ingestion;

	@Autowired
	InboxService inbox;

	Membership workspace;
	UserAccount owner;
	WebClient browser;
	String channel;

	@BeforeEach
	void aBlueskyInboxAndASignedInOwner() {
		workspace = world.workspace("inboxpages");
		owner = world.owner(workspace);
		String did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "brand.test", "Brand");
		BlueskyAnswers.recordsAreWritten(pds, did);
		String ourPost = postUri(did, "3lourpost3333");
		newest(pds, List.of(mention("h1", HOSTILE, T.plusSeconds(3)),
				notification("p2", "reply", "second: where is my refund", T.plusSeconds(2), replyTo(ourPost, ourPost),
						ourPost),
				notification("p1", "reply", "first: love the new colours", T.plusSeconds(1), replyTo(ourPost, ourPost),
						ourPost)));
		channel = BlueskyNotifications.connectAndRead(new Api(port), world.token(owner, workspace), pds, ingestion,
				workspace);
		browser = new WebClient(port);
		assertThat(browser.signIn(owner.email(), TestWorld.PASSWORD).status()).isEqualTo(302);
	}

	private ItemView item(String startsWith) {
		return inbox.items(workspace.workspaceId(), new InboxService.ItemQuery(null, null, null, null, null, null),
				null, 50).stream().filter(i -> i.text().startsWith(startsWith)).findFirst().orElseThrow();
	}

	@Test
	void theListShowsMessagesNewestFirstWithTheirStateAndNarrowsByFilters() {
		WebClient.Page list = browser.get("/inbox");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("href=\"/inbox\"").contains("aria-current=\"page\"").contains("/js/inbox.js")
			.contains("Brand").contains("Bob").contains("Nobody has it").contains("On track").contains("Keyboard shortcuts");
		assertThat(list.body().indexOf("&lt;script&gt;")).as("newest first")
			.isLessThan(list.body().indexOf("second: where is my refund"));
		assertThat(list.body().indexOf("second: where is my refund"))
			.isLessThan(list.body().indexOf("first: love the new colours"));

		WebClient.Page searched = browser.get("/inbox?q=refund");
		assertThat(searched.body()).contains("second: where is my refund").doesNotContain("first: love the new colours");
		WebClient.Page byType = browser.get("/inbox?type=mention&channelId=" + channel + "&network=bluesky");
		assertThat(byType.body()).contains("&lt;script&gt;").doesNotContain("where is my refund");
		WebClient.Page resolved = browser.get("/inbox?status=resolved&assigneeId=none&sla=&sentiment=");
		assertThat(resolved.status()).isEqualTo(200);
		assertThat(resolved.body()).contains("No message matches these filters.").contains("Clear filters");
	}

	@Test
	void theListTellsHowReadingEachChannelStandsAndOpensWhenOneFails() {
		WebClient.Page fine = browser.get("/inbox");
		assertThat(fine.body()).contains("The channel was read within the last")
			.containsPattern("Read \\d+ seconds? ago").contains("data-reading-channel=\"" + channel + "\"")
			.doesNotContain("class=\"reading card trouble\"");

		newest(pds, BlueskyAnswers.error(502, "UpstreamFailure", "the AppView is down <b>now</b>"));
		ingestion.pollNow(workspace.workspaceId(), ChannelId.of(channel), Duration.ofSeconds(20));

		WebClient.Page failing = browser.get("/inbox");
		assertThat(failing.body()).contains("class=\"reading card trouble\" data-reading open=\"open\"")
			.contains("One channel is not being read: the inbox is missing what came to it since.")
			.contains("Reading failed once; Chorus keeps trying.").contains("the AppView is down &lt;b&gt;now&lt;/b&gt;")
			.containsPattern("Last read that got through: \\d+ seconds? ago");
	}

	@Test
	void theListOfConversationsShowsEachOnceByItsNewestMessageWithHowManyItHas() {
		WebClient.Page conversations = browser.get("/inbox?view=conversations");
		assertThat(conversations.status()).isEqualTo(200);
		assertThat(conversations.body()).contains("Last message").contains("&lt;script&gt;")
			.contains("second: where is my refund").contains("2 messages")
			.doesNotContain("first: love the new colours");

		// found by its older message, shown by its newest; the filters and the view stay in the form
		WebClient.Page searched = browser.get("/inbox?view=conversations&q=colours");
		assertThat(searched.body()).contains("second: where is my refund").contains("2 messages")
			.doesNotContain("&lt;script&gt;").contains("name=\"view\" value=\"conversations\"");

		assertThat(conversations.body()).contains("href=\"/inbox?view=conversations\"")
			.contains("data-by-conversation=\"true\"");
		// the row the page's script refreshes is the conversation's, by its newest message, whichever message it names
		WebClient.Page row = browser.get("/inbox/items/" + item("first").id() + "/row?view=conversations");
		assertThat(row.body()).contains("second: where is my refund").contains("2 messages")
			.doesNotContain("first: love the new colours");
		assertThat(browser.get("/inbox/items/" + item("first").id() + "/row").body())
			.contains("first: love the new colours").doesNotContain("2 messages");
		WebClient.Page byType = browser.get("/inbox?view=conversations&type=mention");
		assertThat(byType.status()).isEqualTo(422);
		assertThat(byType.body()).contains("The type filter picks single messages: choose Messages to use it.");
	}

	@Test
	void aBadFilterValueIsExplainedInTheReadersLanguageNotIgnored() {
		WebClient.Page bad = browser.get("/inbox?sla=soonish");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("The filter SLA cannot be &quot;soonish&quot;")
			.doesNotContain("where is my refund");
		WebClient.Page badChannel = browser.get("/inbox?channelId=not-a-channel");
		assertThat(badChannel.status()).isEqualTo(422);
		assertThat(badChannel.body()).contains("The filter Channel cannot be &quot;not-a-channel&quot;");

		browser.post("/language", Map.of("lang", "da", "back", "/inbox"));
		assertThat(browser.get("/inbox?network=myspace").body()).contains("Filteret Netværk kan ikke være");
	}

	@Test
	void hostileMessageTextIsShownAsTextOnTheListTheConversationAndTheLiveRow() {
		ItemView hostile = item("<script>");
		String conversation = "/inbox/conversations/" + hostile.conversationId();
		for (String body : List.of(browser.get("/inbox").body(), browser.get(conversation).body(),
				browser.get("/inbox/items/" + hostile.id() + "/row").body())) {
			assertThat(body).doesNotContain("<script>alert").doesNotContain("<img src=x")
				.contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
				.doesNotContain("\u0007").doesNotContain("\u202E").contains("\uFFFDbell");
		}
	}

	@Test
	void aConversationIsAnsweredNotedAssignedAndResolvedThroughItsPage() {
		ItemView second = item("second");
		String path = "/inbox/conversations/" + second.conversationId();
		WebClient.Page page = browser.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("first: love the new colours").contains("second: where is my refund")
			.contains("No reply yet.").contains("Send reply").contains("Internal notes")
			.doesNotContain("does not let Chorus do this").contains("Hide this message on the network?")
			.contains("Block the author").contains("Least loaded");

		WebClient.Page replied = browser.post(path + "/replies", Map.of("text", "Sorry! We are on it."));
		assertThat(replied.status()).isEqualTo(302);
		assertThat(replied.location()).endsWith(path);
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord")))).hasSize(1);
		WebClient.Page afterReply = browser.get(path);
		assertThat(afterReply.body()).contains("Your reply was sent.").contains("Sorry! We are on it.")
			.contains(">Sent<").contains("Delete from Bluesky");

		// our reply taken down again: gone from Bluesky, kept here marked deleted
		pds.stubFor(post("/xrpc/com.atproto.repo.deleteRecord")
			.willReturn(BlueskyAnswers.json(Map.of("commit", Map.of("cid", "bafyreicommit", "rev", "3lrev")))));
		String reply = inbox.conversation(workspace.workspaceId(), second.conversationId()).replies().getFirst().id()
			.toString();
		assertThat(browser.post(path + "/moderation", Map.of("action", "delete", "replyId", reply)).status())
			.isEqualTo(302);
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.deleteRecord")))).hasSize(1);
		assertThat(browser.get(path).body()).contains("Deleted from Bluesky").contains("Sorry! We are on it.")
			.doesNotContain("Delete from Bluesky").contains("Delete: done");
		pds.stubFor(post("/xrpc/app.bsky.graph.muteActor").willReturn(BlueskyAnswers.json(Map.of())));
		assertThat(browser.post(path + "/moderation", Map.of("action", "mute", "itemId", second.id().toString()))
			.status()).isEqualTo(302);
		assertThat(browser.get(path).body()).contains("Mute the author: done");

		WebClient.Page empty = browser.post(path + "/replies", Map.of("text", "  "));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.body()).contains("Write the reply first.");

		WebClient.Page emptyNote = browser.post(path + "/notes", Map.of("text", ""));
		assertThat(emptyNote.status()).isEqualTo(422);
		assertThat(emptyNote.body()).contains("Write the note first.");
		UserAccount colleague = world.member(workspace, "inbox-colleague", Role.PUBLISHER);
		String mention = "@" + colleague.email().substring(0, colleague.email().indexOf('@'));
		assertThat(browser.post(path + "/notes", Map.of("text", mention + " can you check the refund?")).status())
			.isEqualTo(302);
		assertThat(browser.get(path).body()).contains("Note added.").contains(mention + " can you check the refund?")
			.containsPattern("Mentioned:</span>\\s*<span class=\"tag\">inbox-colleague</span>");

		assertThat(browser.post(path, Map.of("assigneeId", "me")).status()).isEqualTo(302);
		assertThat(browser.get(path).body()).contains("data-assignee>" + owner.displayName() + "<");
		assertThat(browser.post(path, Map.of("assigneeId", "none")).status()).isEqualTo(302);
		assertThat(browser.post(path + "/assign", Map.of("strategy", "least-loaded", "teamId", "")).status())
			.isEqualTo(302);
		// both have no open conversation; the colleague was never assigned one, the owner just now
		assertThat(browser.get(path).body()).contains("data-assignee>inbox-colleague<");
		WebClient.Page roundRobin = browser.post(path + "/assign", Map.of("strategy", "round-robin", "teamId", ""));
		assertThat(roundRobin.status()).isEqualTo(422);
		assertThat(roundRobin.body()).contains("Round-robin assignment needs a team.");

		assertThat(browser.post(path, Map.of("status", "resolved", "priority", "high")).status()).isEqualTo(302);
		assertThat(browser.post(path, Map.of("tags", "Refund, VIP")).status()).isEqualTo(302);
		WebClient.Page resolved = browser.get(path);
		assertThat(resolved.body()).contains("data-status>Resolved<").contains(">High<").contains(">refund<")
			.contains(">vip<");
		assertThat(browser.post(path + "/items/" + second.id() + "/sentiment", Map.of("label", "negative"))
			.status()).isEqualTo(302);
		assertThat(browser.get(path).body()).contains("Sentiment corrected.").contains("Corrected by "
				+ owner.displayName());
	}

	@Test
	void tickedConversationsAreChangedTogetherThroughTheBulkService() {
		ItemView first = item("first");
		ItemView hostile = item("<script>");
		List<Map.Entry<String, String>> ids = List.of(Map.entry("ids", first.conversationId().toString()),
				Map.entry("ids", hostile.conversationId().toString()));
		browser.get("/inbox");
		WebClient.Page status = browser.post("/inbox/bulk", join(ids, Map.entry("action", "status"),
				Map.entry("status", "pending"), Map.entry("back", "/inbox?q=")));
		assertThat(status.status()).isEqualTo(302);
		assertThat(status.location()).endsWith("/inbox?q=");
		WebClient.Page after = browser.get("/inbox");
		assertThat(after.body()).contains("2 conversations were changed.");
		assertThat(browser.get("/inbox?status=pending").body()).contains("first: love the new colours")
			.contains("&lt;script&gt;");

		browser.post("/inbox/bulk", join(ids, Map.entry("action", "tag"), Map.entry("tag", "Urgent Care")));
		assertThat(browser.get("/inbox?tag=urgent%20care").body()).contains("first: love the new colours");
		browser.post("/inbox/bulk", join(ids, Map.entry("action", "assign"), Map.entry("assigneeId", "me")));
		assertThat(browser.get("/inbox?assigneeId=me").body()).contains("Assigned to " + owner.displayName());

		// the keyboard shortcuts ask for JSON and are told at once what happened, or why not
		WebClient.Page byKey = browser.postForJson("/inbox/bulk", join(ids.subList(0, 1), Map.entry("action", "status"),
				Map.entry("status", "open")));
		assertThat(byKey.status()).isEqualTo(200);
		assertThat(byKey.body()).isEqualTo("{\"message\":\"One conversation was changed.\"}");
		WebClient.Page refusedByKey = browser.postForJson("/inbox/bulk", join(ids.subList(0, 1),
				Map.entry("action", "explode")));
		assertThat(refusedByKey.status()).isEqualTo(422);
		assertThat(refusedByKey.body()).contains("Choose what to do with the ticked conversations");

		WebClient.Page nothing = browser.post("/inbox/bulk", List.of(Map.entry("action", "status")));
		assertThat(nothing.status()).isEqualTo(302);
		assertThat(browser.get("/inbox").body()).contains("Name between 1 and 200 conversations.");
	}

	@Test
	void aViewerReadsTheInboxButGetsNoFormsAndMayNotChangeIt() {
		UserAccount viewer = world.member(workspace, "inbox-viewer", Role.VIEWER);
		WebClient reader = new WebClient(port);
		reader.signIn(viewer.email(), TestWorld.PASSWORD);
		ItemView first = item("first");
		WebClient.Page list = reader.get("/inbox");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("first: love the new colours").doesNotContain("action=\"/inbox/bulk\"");
		WebClient.Page page = reader.get("/inbox/conversations/" + first.conversationId());
		assertThat(page.body()).contains("You may not reply through this channel.").doesNotContain("Send reply");
		assertThat(reader.post("/inbox/conversations/" + first.conversationId() + "/replies", Map.of("text", "hi"))
			.status()).isEqualTo(403);
		// a shortcut pressed anyway is refused at once, in words
		WebClient.Page byKey = reader.postForJson("/inbox/bulk", List.of(Map.entry("ids",
				first.conversationId().toString()), Map.entry("action", "status"), Map.entry("status", "resolved")));
		assertThat(byKey.status()).isEqualTo(403);
		assertThat(byKey.body()).startsWith("{\"message\":\"").doesNotContain("<html");
		assertThat(inbox.summary(workspace.workspaceId(), first.conversationId()).status()).isNotEqualTo("resolved");
	}

	@Test
	void anotherWorkspacesConversationAnswers404OnEveryPageAndForm() {
		ItemView first = item("first");
		Membership other = world.workspace("inboxpages-other");
		WebClient stranger = new WebClient(port);
		stranger.signIn(world.owner(other).email(), TestWorld.PASSWORD);
		String path = "/inbox/conversations/" + first.conversationId();
		assertThat(stranger.get(path).status()).isEqualTo(404);
		assertThat(stranger.get("/inbox/items/" + first.id() + "/row").status()).isEqualTo(404);
		assertThat(stranger.get("/inbox").body()).doesNotContain("first: love the new colours");
		assertThat(stranger.get("/inbox?view=conversations").body()).doesNotContain("where is my refund");
		assertThat(inbox.latest(other.workspaceId(), List.of(first.conversationId()))).isEmpty();
		assertThat(stranger.post(path + "/replies", Map.of("text", "not yours")).status()).isEqualTo(404);
		assertThat(stranger.post(path + "/notes", Map.of("text", "not yours")).status()).isEqualTo(404);
		assertThat(stranger.post(path, Map.of("status", "resolved")).status()).isEqualTo(404);
		assertThat(stranger.post("/inbox/bulk", List.of(Map.entry("ids", first.conversationId().toString()),
				Map.entry("action", "status"), Map.entry("status", "resolved"))).status()).isEqualTo(404);
		assertThat(stranger.get(path + "/saved-replies/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(inbox.summary(workspace.workspaceId(), first.conversationId()).status()).isNotEqualTo("resolved");
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord")))).isEmpty();
	}

	@SafeVarargs
	private static List<Map.Entry<String, String>> join(List<Map.Entry<String, String>> ids,
			Map.Entry<String, String>... more) {
		List<Map.Entry<String, String>> all = new java.util.ArrayList<>(ids);
		all.addAll(List.of(more));
		return all;
	}
}
