package app.chorus.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import app.chorus.identity.UserAccount;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.Multipart;
import app.chorus.support.TestWorld;
import app.chorus.support.WebClient;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;

/**
 * The rest of the publishing pages as people use them, without a browser: the composer with media, a thread, a first
 * comment, a campaign and short links; editing a draft and sending it on; a post in review decided on its page; the
 * approval policies page; and another workspace's ids answering 404 on each. Bluesky is WireMock answering as the AT
 * Protocol documents it.
 */
@ChorusIntegrationTest
class ReviewPagesIntegrationTests {

	private static final String CREATE = "/xrpc/com.atproto.repo.createRecord";
	private static final String TOO_LONG = "ab".repeat(151);
	private static final String TOO_LONG_SENTENCE = "The text is 302 characters long; Bluesky allows 300 characters.";

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	Api api;
	Membership workspace;
	String ownerToken;
	String channel;
	WebClient owner;
	WebClient manager;
	WebClient contributor;
	UserAccount managerAccount;

	@BeforeEach
	void aWorkspaceWithABlueskyChannelAndThreePeopleSignedIn() {
		api = new Api(port);
		workspace = world.workspace("review-pages");
		UserAccount ownerAccount = world.owner(workspace);
		ownerToken = world.token(ownerAccount, workspace);
		managerAccount = world.member(workspace, "manager", Role.MANAGER);
		UserAccount contributorAccount = world.member(workspace, "writer", Role.CONTRIBUTOR);
		String did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "brand.test", "Brand");
		BlueskyAnswers.recordsAreWritten(pds, did);
		BlueskyAnswers.blobsAreStored(pds);
		channel = api.post("/api/v1/channels", ownerToken, Map.of("network", "bluesky", "pdsUrl", pds.baseUrl(),
				"handle", "brand.test", "appPassword", "abcd-efgh-ijkl-mnop")).json().get("id").asString();
		owner = signedIn(ownerAccount);
		manager = signedIn(managerAccount);
		contributor = signedIn(contributorAccount);
	}

	// --- the composer ---

	@Test
	void thePickerOffersTheLibrarysMediaAndWarnsOfMissingAltText() {
		String tulips = upload("Tulips in a row");
		String bare = upload("");
		String page = owner.get("/posts/new").body();
		assertThat(page).contains("id=\"media-" + tulips + "\"").contains("id=\"media-" + bare + "\"")
			.contains("/media/" + tulips + "/renditions/thumbnail").contains("Tulips in a row");
		assertThat(tile(page, bare)).contains("Missing alt text");
		assertThat(tile(page, tulips)).doesNotContain("Missing alt text");
		assertThat(page).contains("form=\"media-upload\"").contains("id=\"media-upload\"")
			.contains("action=\"/media\"").contains("enctype=\"multipart/form-data\"");

		String picker = owner.get("/posts/media-picker?mediaIds=" + bare).body();
		assertThat(picker).startsWith("<fieldset").contains("id=\"media-picker\"");
		assertThat(tile(picker, bare)).contains("checked=\"checked\"");
		assertThat(tile(picker, tulips)).doesNotContain("checked");
		assertThat(picker.indexOf("media-" + bare)).as("what is picked comes first")
			.isLessThan(picker.indexOf("media-" + tulips));
	}

	@Test
	void mediaAThreadAndAFirstCommentGoOutAsOnePostAndItsReplies() {
		String tulips = upload("Tulips in a row");
		String campaign = api.post("/api/v1/campaigns", ownerToken, Map.of("name", "Tulip week", "colour", "#22aa55"))
			.json().get("id").asString();
		assertThat(between(owner.get("/posts/new").body(), "id=\"campaignId\"", "</select>"))
			.contains("value=\"" + campaign + "\"").contains("data-colour=\"#22aa55\"").contains(">Tulip week<");

		WebClient.Page sent = owner.post("/posts", List.of(Map.entry("text", "Tulips are in"),
				Map.entry("channelIds", channel), Map.entry("mediaIds", tulips),
				Map.entry("thread", "Open every day"), Map.entry("thread", "  "),
				Map.entry("firstComment", "Prices on our site"), Map.entry("campaignId", campaign),
				Map.entry("shortenLinks", "true"), Map.entry("action", "publish"),
				Map.entry("idempotencyKey", UUID.randomUUID().toString())));

		assertThat(sent.status()).isEqualTo(302);
		String id = idOf(sent);
		JsonNode post = awaitStatus(id, "published");
		assertThat(post.get("campaignId").asString()).isEqualTo(campaign);
		JsonNode variant = post.get("variants").get(0);
		assertThat(variant.get("media").get(0).asString()).isEqualTo(tulips);
		assertThat(variant.get("thread").valueStream().map(JsonNode::asString))
			.containsExactly("Open every day", "Prices on our site");
		assertThat(variant.get("options").get("shortenLinks").asString()).isEqualTo("true");
		List<LoggedRequest> records = pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)));
		assertThat(records).hasSize(3);
		assertThat(records.get(0).getBodyAsString()).contains("Tulips are in").contains("app.bsky.embed.images")
			.contains("Tulips in a row");
		assertThat(records.get(1).getBodyAsString()).contains("Open every day").contains("\"reply\"");
		assertThat(records.get(2).getBodyAsString()).contains("Prices on our site").contains("\"reply\"");

		String page = owner.get("/posts/" + id).body();
		assertThat(page).contains("Further parts (2)").contains("Open every day").contains("Prices on our site")
			.contains("/media/" + tulips + "/renditions/thumbnail").contains("Campaign: Tulip week")
			.contains("background: #22aa55");
	}

	@Test
	void theLiveCheckCountsThePickedMediaAndEachPart() {
		List<String> five = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			five.add(upload("Picture " + i));
		}
		owner.get("/posts/new");
		List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("text", "Five pictures"),
				Map.entry("channelIds", channel), Map.entry("thread", "Short"), Map.entry("thread", TOO_LONG),
				Map.entry("firstComment", "Thanks")));
		WebClient.Page fourOk = owner.post("/posts/check", with(fields, five.subList(0, 4)));
		assertThat(checkOf(fourOk.body())).doesNotContain("field-error").contains("/media/" + five.get(3));

		WebClient.Page tooMany = owner.post("/posts/check", with(fields, five));
		assertThat(checkOf(tooMany.body())).contains("The post has 5 images; Bluesky allows 4 images here.");
		assertThat(part(tooMany.body(), "part-check-0")).contains("5 / 300 characters").doesNotContain("field-error");
		assertThat(part(tooMany.body(), "part-check-1")).contains("302 / 300 characters").contains("counter over")
			.contains(TOO_LONG_SENTENCE).contains("hx-swap-oob=\"true\"");
		assertThat(part(tooMany.body(), "part-check-first")).contains("6 / 300 characters");
		assertThat(tooMany.body()).contains("id=\"composer-send\"").contains("value=\"publish\"");
	}

	@Test
	void aBrokenPartIsShownBesideItAndNothingIsMade() {
		owner.get("/posts/new");
		WebClient.Page refused = owner.post("/posts", List.of(Map.entry("text", "Fine"),
				Map.entry("channelIds", channel), Map.entry("thread", ""), Map.entry("thread", TOO_LONG),
				Map.entry("action", "publish")));
		assertThat(refused.status()).isEqualTo(200);
		String secondBox = between(refused.body(), "id=\"thread-1\"", "class=\"thread-part");
		assertThat(secondBox).contains(TOO_LONG_SENTENCE).contains("role=\"alert\"");
		assertThat(between(refused.body(), "id=\"thread-0\"", "id=\"thread-1\"")).doesNotContain("role=\"alert\"");
		assertThat(api.get("/api/v1/posts", ownerToken).json().get("items")).isEmpty();
	}

	@Test
	void partsAreAddedAndRemovedWithoutSavingAnything() {
		owner.get("/posts/new");
		WebClient.Page added = owner.post("/posts", List.of(Map.entry("text", "Keep me"),
				Map.entry("thread", "First part"), Map.entry("action", "add-part")));
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.body()).contains(">Keep me</textarea>").contains("id=\"thread-0\"").contains(">First part<")
			.contains("id=\"thread-1\"").contains("Part 3").contains("value=\"remove-part-1\"");
		WebClient.Page removed = owner.post("/posts", List.of(Map.entry("text", "Keep me"),
				Map.entry("thread", "First part"), Map.entry("thread", "Second part"),
				Map.entry("action", "remove-part-0")));
		assertThat(removed.body()).contains(">Second part</textarea>").doesNotContain(">First part<")
			.doesNotContain("id=\"thread-1\"");
		assertThat(api.get("/api/v1/posts", ownerToken).json().get("items")).isEmpty();
	}

	// --- drafts ---

	@Test
	void aDraftIsEditedThenScheduled() {
		String tulips = upload("Tulips in a row");
		String id = api.post("/api/v1/posts", ownerToken, Map.of("text", "First words", "channelIds",
				List.of(channel), "media", List.of(tulips))).json().get("id").asString();
		assertThat(owner.get("/posts/" + id).body()).contains("href=\"/posts/" + id + "/edit\"");

		WebClient.Page editor = owner.get("/posts/" + id + "/edit");
		assertThat(editor.status()).isEqualTo(200);
		assertThat(editor.body()).contains("Edit post").contains(">First words</textarea>")
			.contains("action=\"/posts/" + id + "/edit\"").contains("Save changes");
		assertThat(tile(editor.body(), tulips)).contains("checked=\"checked\"");

		WebClient.Page saved = owner.post("/posts/" + id + "/edit", List.of(Map.entry("text", "Better words"),
				Map.entry("channelIds", channel), Map.entry("thread", "And more"), Map.entry("action", "draft")));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/posts/" + id);
		JsonNode draft = api.get("/api/v1/posts/" + id, ownerToken).json();
		assertThat(draft.get("status").asString()).isEqualTo("draft");
		assertThat(draft.get("text").asString()).isEqualTo("Better words");
		assertThat(draft.get("variants").get(0).get("media")).as("the picture was not ticked again").isEmpty();
		assertThat(owner.get("/posts/" + id).body()).contains("The changes are saved.");

		owner.get("/posts/" + id + "/edit");
		WebClient.Page noTime = owner.post("/posts/" + id + "/edit", List.of(Map.entry("text", "Better words"),
				Map.entry("channelIds", channel), Map.entry("action", "schedule")));
		assertThat(between(noTime.body(), "id=\"scheduledAt\"", "</div>")).contains("Choose when to publish.");

		String later = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(2)
			.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
		WebClient.Page scheduled = owner.post("/posts/" + id + "/edit", List.of(Map.entry("text", "Better words"),
				Map.entry("channelIds", channel), Map.entry("scheduledAt", later), Map.entry("action", "schedule")));
		assertThat(scheduled.status()).isEqualTo(302);
		assertThat(owner.get("/posts/" + id).body()).contains("The post is scheduled.");
		assertThat(api.get("/api/v1/posts/" + id, ownerToken).json().get("status").asString()).isEqualTo("scheduled");
		WebClient.Page tooLate = owner.get("/posts/" + id + "/edit");
		assertThat(tooLate.status()).as("a scheduled post is not edited here").isEqualTo(302);
		assertThat(owner.get("/posts/" + id).body()).doesNotContain("/posts/" + id + "/edit\"")
			.contains("Only drafts and posts sent back for changes can be rewritten.");
	}

	// --- review ---

	@Test
	void aContributorsPostWaitsForAManagerWhoApprovesItOnItsPage() {
		policy(List.of(Map.of("role", "manager")));
		String page = contributor.get("/posts/new").body();
		assertThat(page).contains("Send for approval").doesNotContain("value=\"publish\"");
		assertThat(contributor.post("/posts/check", List.of(Map.entry("text", "x"), Map.entry("channelIds", channel)))
			.body()).contains("id=\"composer-send\" class=\"send\" hx-swap-oob=\"true\"").contains("value=\"review\"");

		WebClient.Page sent = contributor.post("/posts", List.of(Map.entry("text", "Needs a look first"),
				Map.entry("channelIds", channel), Map.entry("action", "review")));
		assertThat(sent.status()).isEqualTo(302);
		String id = idOf(sent);
		assertThat(status(id)).isEqualTo("in_review");
		String theirs = contributor.get("/posts/" + id).body();
		assertThat(theirs).contains("The post waits for approval.").contains("Waiting for approval by Manager.")
			.doesNotContain("/posts/" + id + "/approve");
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).isEmpty();

		String review = manager.get("/posts/" + id).body();
		assertThat(review).contains("action=\"/posts/" + id + "/approve\"")
			.contains("action=\"/posts/" + id + "/request-changes\"").doesNotContain("Waiting for approval by");
		assertThat(between(review, "class=\"review-steps\"", "</ol>")).contains("Manager").contains("current");

		assertThat(contributor.post("/posts/" + id + "/approve", Map.of()).status()).isEqualTo(403);
		WebClient.Page approved = manager.post("/posts/" + id + "/approve", Map.of("comment", "Lovely"));
		assertThat(approved.status()).isEqualTo(302);
		awaitStatus(id, "published");
		String after = contributor.get("/posts/" + id).body();
		assertThat(between(after, "class=\"decisions\"", "</ol>")).contains(managerAccount.displayName())
			.contains("Approved").contains("Lovely").contains("round 1, step 1");
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE)))).hasSize(1);
	}

	@Test
	void changesNeedACommentAndTheAuthorEditsAndSendsItAgain() {
		policy(List.of(Map.of("role", "manager")));
		contributor.get("/posts/new");
		String id = idOf(contributor.post("/posts", List.of(Map.entry("text", "First try"),
				Map.entry("channelIds", channel), Map.entry("action", "review"))));

		manager.get("/posts/" + id);
		WebClient.Page noComment = manager.post("/posts/" + id + "/request-changes", Map.of("comment", "  "));
		assertThat(noComment.status()).isEqualTo(200);
		assertThat(between(noComment.body(), "id=\"changes-comment\"", "</form>")).contains("Say what should change.");
		assertThat(between(noComment.body(), "id=\"approve-comment\"", "</form>")).doesNotContain("field-error");
		assertThat(status(id)).isEqualTo("in_review");

		assertThat(manager.post("/posts/" + id + "/request-changes", Map.of("comment", "Add the <b>date</b>"))
			.status()).isEqualTo(302);
		assertThat(status(id)).isEqualTo("changes_requested");
		String back = contributor.get("/posts/" + id).body();
		assertThat(back).contains(managerAccount.displayName() + " asked for changes:")
			.contains("Add the &lt;b&gt;date&lt;/b&gt;").contains("href=\"/posts/" + id + "/edit\"")
			.contains("Make the changes");

		WebClient.Page editor = contributor.get("/posts/" + id + "/edit");
		assertThat(editor.body()).contains("Changes were asked for.").contains("Send for approval");
		WebClient.Page again = contributor.post("/posts/" + id + "/edit", List.of(Map.entry("text", "Second try, 1 May"),
				Map.entry("channelIds", channel), Map.entry("action", "review")));
		assertThat(again.status()).isEqualTo(302);
		JsonNode review = api.get("/api/v1/posts/" + id + "/review", ownerToken).json();
		assertThat(review.get("round").asInt()).isEqualTo(2);
		assertThat(status(id)).isEqualTo("in_review");
		assertThat(api.get("/api/v1/posts/" + id, ownerToken).json().get("text").asString())
			.isEqualTo("Second try, 1 May");
	}

	// --- approval policies ---

	@Test
	void thePolicyPageSavesStepsAndShowsProblemsBesideThem() {
		String team = api.post("/api/v1/teams", ownerToken, Map.of("name", "Legal")).json().get("id").asString();
		WebClient.Page page = owner.get("/publishing/approvals");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Whole workspace").contains("Bluesky · Brand")
			.contains("No approval: posts are scheduled at once.").contains("action=\"/publishing/approvals\"");
		assertThat(owner.get("/posts").body()).contains("href=\"/publishing/approvals\"");

		WebClient.Page added = owner.post("/publishing/approvals", List.of(Map.entry("action", "add")));
		assertThat(added.status()).isEqualTo(200);
		assertThat(card(added.body(), "policy-workspace")).contains("id=\"policy-workspace-step-0\"")
			.contains("value=\"role:manager\" selected=\"selected\"").contains("Team Legal");

		WebClient.Page moved = owner.post("/publishing/approvals", List.of(Map.entry("step", "role:manager"),
				Map.entry("step", "team:" + team), Map.entry("action", "up-1")));
		String order = card(moved.body(), "policy-workspace");
		assertThat(order.indexOf("value=\"team:" + team + "\" selected")).as("the team's step is first now")
			.isLessThan(order.indexOf("value=\"role:manager\" selected"));

		WebClient.Page refused = owner.post("/publishing/approvals", List.of(Map.entry("step", "role:manager"),
				Map.entry("step", "role:viewer"), Map.entry("action", "save")));
		assertThat(refused.status()).isEqualTo(200);
		String rows = card(refused.body(), "policy-workspace");
		assertThat(between(rows, "id=\"policy-workspace-step-1\"", "</li>"))
			.contains("Use a role that may approve posts: owner, admin or manager.");
		assertThat(between(rows, "id=\"policy-workspace-step-0\"", "</li>")).doesNotContain("field-error");
		assertThat(api.get("/api/v1/publishing/approval-policy", ownerToken).json().get("workspace")).isEmpty();

		WebClient.Page saved = owner.post("/publishing/approvals", List.of(Map.entry("step", "team:" + team),
				Map.entry("step", "role:manager"), Map.entry("action", "save")));
		assertThat(saved.status()).isEqualTo(302);
		JsonNode steps = api.get("/api/v1/publishing/approval-policy", ownerToken).json().get("workspace");
		assertThat(steps).hasSize(2);
		assertThat(steps.get(0).get("teamId").asString()).isEqualTo(team);
		assertThat(steps.get(1).get("role").asString()).isEqualTo("manager");

		owner.get("/publishing/approvals");
		assertThat(owner.post("/publishing/approvals/channels/" + channel, List.of(Map.entry("mode", "own"),
				Map.entry("step", "role:admin"), Map.entry("action", "save"))).status()).isEqualTo(302);
		JsonNode own = api.get("/api/v1/publishing/approval-policy", ownerToken).json().get("channels").get(channel);
		assertThat(own.get(0).get("role").asString()).isEqualTo("admin");
		assertThat(card(owner.get("/publishing/approvals").body(), "policy-" + channel))
			.contains("value=\"own\" checked=\"checked\"");
		assertThat(owner.post("/publishing/approvals/channels/" + channel, List.of(Map.entry("mode", "workspace"),
				Map.entry("step", "role:admin"), Map.entry("action", "save"))).status()).isEqualTo(302);
		assertThat(api.get("/api/v1/publishing/approval-policy", ownerToken).json().get("channels").has(channel))
			.isFalse();
	}

	@Test
	void onlyThoseAllowedChangePoliciesEveryoneElseReadsThem() {
		policy(List.of(Map.of("role", "manager")));
		String asManager = manager.get("/publishing/approvals").body();
		assertThat(card(asManager, "policy-workspace")).doesNotContain("<form").contains("Manager");
		assertThat(card(asManager, "policy-" + channel)).contains("action=\"/publishing/approvals/channels/");
		assertThat(manager.post("/publishing/approvals", List.of(Map.entry("step", "role:admin"))).status())
			.isEqualTo(403);

		WebClient.Page asContributor = contributor.get("/publishing/approvals");
		assertThat(asContributor.status()).isEqualTo(200);
		assertThat(asContributor.body()).doesNotContain("action=\"/publishing/approvals")
			.contains("Follows the workspace&#39;s policy");
		assertThat(contributor.get("/posts").body()).doesNotContain("href=\"/publishing/approvals\"");
		assertThat(contributor.post("/publishing/approvals/channels/" + channel, List.of(Map.entry("mode", "own")))
			.status()).isEqualTo(403);
	}

	// --- tenancy ---

	@Test
	void anotherWorkspacesIdsAreNotFoundOnEveryNewPage() {
		policy(List.of(Map.of("role", "manager")));
		String tulips = upload("Ours alone");
		String draft = api.post("/api/v1/posts", ownerToken, Map.of("text", "Our draft", "channelIds",
				List.of(channel))).json().get("id").asString();
		contributor.get("/posts/new");
		String inReview = idOf(contributor.post("/posts", List.of(Map.entry("text", "Our review"),
				Map.entry("channelIds", channel), Map.entry("action", "review"))));
		String campaign = api.post("/api/v1/campaigns", ownerToken, Map.of("name", "Our campaign")).json().get("id")
			.asString();

		Membership elsewhere = world.workspace("review-pages-elsewhere");
		WebClient them = signedIn(world.owner(elsewhere));
		assertThat(them.get("/posts/" + draft + "/edit").status()).isEqualTo(404);
		them.get("/posts/new");
		assertThat(them.post("/posts/" + draft + "/edit", List.of(Map.entry("text", "Theirs"),
				Map.entry("action", "draft"))).status()).isEqualTo(404);
		assertThat(them.post("/posts/" + inReview + "/approve", Map.of()).status()).isEqualTo(404);
		assertThat(them.post("/posts/" + inReview + "/request-changes", Map.of("comment", "No")).status())
			.isEqualTo(404);
		assertThat(them.post("/publishing/approvals/channels/" + channel, List.of(Map.entry("mode", "own"),
				Map.entry("step", "role:owner"))).status()).isEqualTo(404);
		assertThat(them.post("/publishing/approvals/channels/" + channel, List.of(Map.entry("action", "add")))
			.status()).isEqualTo(404);
		assertThat(them.get("/publishing/approvals").body()).doesNotContain(channel).doesNotContain("brand.test");
		assertThat(them.get("/posts/media-picker?mediaIds=" + tulips).body()).doesNotContain(tulips);
		assertThat(them.get("/posts/new").body()).doesNotContain(tulips).doesNotContain(campaign);
		assertThat(them.post("/posts/check", List.of(Map.entry("text", "x"), Map.entry("mediaIds", tulips))).body())
			.doesNotContain(tulips);
		assertThat(them.get("/campaigns/" + campaign).status()).isEqualTo(404);
		assertThat(them.post("/campaigns/" + campaign, Map.of("name", "Taken")).status()).isEqualTo(404);
		assertThat(them.post("/campaigns/" + campaign + "/archive", Map.of()).status()).isEqualTo(404);
		assertThat(them.get("/posts?campaign=" + campaign).body()).doesNotContain("Our draft");

		assertThat(api.get("/api/v1/posts/" + draft, ownerToken).json().get("text").asString()).isEqualTo("Our draft");
		assertThat(status(inReview)).isEqualTo("in_review");
		assertThat(api.get("/api/v1/publishing/approval-policy", ownerToken).json().get("channels").has(channel))
			.isFalse();
	}

	// --- helpers ---

	private void policy(List<Map<String, String>> steps) {
		assertThat(api.putJson("/api/v1/publishing/approval-policy", ownerToken, Map.of("steps", steps)).status())
			.isEqualTo(200);
	}

	private String upload(String altText) {
		Api.Response uploaded = api.upload("/api/v1/media", ownerToken, Multipart.of(Map.of("altText", altText),
				"file", "picture.png", "image/png", png(640, 480)));
		assertThat(uploaded.status()).isEqualTo(201);
		return uploaded.json().get("id").asString();
	}

	private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, List<String> media) {
		List<Map.Entry<String, String>> all = new ArrayList<>(fields);
		media.forEach(m -> all.add(Map.entry("mediaIds", m)));
		return all;
	}

	private String status(String id) {
		return api.get("/api/v1/posts/" + id, ownerToken).json().get("status").asString();
	}

	private JsonNode awaitStatus(String id, String status) {
		return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.until(() -> api.get("/api/v1/posts/" + id, ownerToken).json(),
					post -> status.equals(post.get("status").asString()));
	}

	private WebClient signedIn(UserAccount person) {
		WebClient client = new WebClient(port);
		assertThat(client.signIn(person.email(), TestWorld.PASSWORD).status()).isEqualTo(302);
		return client;
	}

	private static String idOf(WebClient.Page redirect) {
		assertThat(redirect.status()).as("a redirect to the new post: %s", redirect.body()).isEqualTo(302);
		String path = java.net.URI.create(redirect.location()).getPath();
		assertThat(path).matches("/posts/[0-9a-f-]{36}");
		return path.substring("/posts/".length());
	}

	/** The channel's check in the answer to /posts/check. */
	private String checkOf(String html) {
		return between(html, "id=\"check-" + channel + "\"", "<div class=\"part-check\"");
	}

	private static String part(String html, String id) {
		Matcher matcher = Pattern.compile("<div class=\"part-check\" id=\"" + id + "\".*?(?=<div class=\"part-check\"|"
				+ "<div id=\"composer-send\"|$)", Pattern.DOTALL).matcher(html);
		assertThat(matcher.find()).as("%s in %s", id, html).isTrue();
		return matcher.group();
	}

	/** One tile of the media picker. */
	private static String tile(String html, String media) {
		return between(html, "id=\"media-" + media + "\"", "</li>");
	}

	/** A policy's card on the policies page, its white space made single spaces. */
	private static String card(String html, String id) {
		return between(html, "id=\"" + id + "\"", "<div class=\"card policy\"").replaceAll("\\s+", " ");
	}

	private static String between(String html, String start, String end) {
		int from = html.indexOf(start);
		assertThat(from).as("%s in the page", start).isNotNegative();
		int to = html.indexOf(end, from + start.length());
		return html.substring(from, to < 0 ? html.length() : to);
	}

	private static byte[] png(int width, int height) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
