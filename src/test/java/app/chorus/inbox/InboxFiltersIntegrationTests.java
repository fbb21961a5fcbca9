package app.chorus.inbox;

import static app.chorus.inbox.BlueskyNotifications.mention;
import static app.chorus.inbox.BlueskyNotifications.newest;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.identity.UserAccount;
import app.chorus.inbox.internal.InboxIngestion;
import app.chorus.inbox.internal.SearchIndex;
import app.chorus.inbox.search.SearchTerms;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;

/**
 * The inbox lists narrowed by language, sentiment, assignee and words (in English, Danish, Korean and Nepali), and
 * sentiment a person corrects: the correction is kept, shown beside what the analysis said, and audited.
 */
@ChorusIntegrationTest
class InboxFiltersIntegrationTests {

	static final Instant T = Instant.parse("2026-05-04T10:00:00Z");

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	InboxIngestion ingestion;

	@Autowired
	SearchIndex searchIndex;

	@Autowired
	JdbcClient jdbc;

	Api api;
	Membership workspace;
	UserAccount owner;
	String token;
	/** Item ids and conversation ids by the post's record key. */
	Map<String, String> items = new HashMap<>();
	Map<String, String> conversations = new HashMap<>();

	@BeforeEach
	void fourLanguages() {
		api = new Api(port);
		workspace = world.workspace("filters");
		owner = world.owner(workspace);
		token = world.token(owner, workspace);
		String did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "brand.test", "Brand");
		newest(pds, List.of(
				mention("en", "This is the worst service I have ever had, where is my refund", T.plusSeconds(5)),
				mention("ko", "배송이 정말 빠르고 좋아요 감사합니다", T.plusSeconds(4)),
				mention("da", "Tak for den hurtige hjælp med refunderingen, det er virkelig godt", T.plusSeconds(3)),
				mention("ne", "तपाईंको सेवा एकदम राम्रो छ, पैसाको लागि धन्यवाद", T.plusSeconds(2))));
		BlueskyNotifications.connectAndRead(api, token, pds, ingestion, workspace);
		items.clear();
		conversations.clear();
		api.get("/api/v1/inbox/items", token).json().get("items").forEach(item -> {
			String key = item.get("url").asString().replaceAll(".*/", "");
			items.put(key, item.get("id").asString());
			conversations.put(key, item.get("conversationId").asString());
		});
		assertThat(items).hasSize(4);
	}

	/** The record keys of the items listed. */
	private List<String> keys(String query) {
		Api.Response listed = api.get("/api/v1/inbox/items?" + query, token);
		assertThat(listed.status()).as(listed.raw().body()).isEqualTo(200);
		List<String> keys = new ArrayList<>();
		listed.json().get("items").forEach(item -> keys.add(item.get("url").asString().replaceAll(".*/", "")));
		return keys;
	}

	private List<String> conversationKeys(String query) {
		Api.Response listed = api.get("/api/v1/inbox/conversations?" + query, token);
		assertThat(listed.status()).as(listed.raw().body()).isEqualTo(200);
		List<String> keys = new ArrayList<>();
		listed.json().get("items").forEach(c -> conversations.forEach((key, id) -> {
			if (id.equals(c.get("id").asString())) {
				keys.add(key);
			}
		}));
		return keys;
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void messagesWhoseSearchWordsAreInAnOlderFormatAreStoredAgain() {
		// as an earlier version left them: one message with its whole words only (format 1), one with none at all
		String en = items.get("en");
		jdbc.sql("update inbox.items set search = array_to_tsvector(?) where id = ?")
			.params(SearchTerms.words("This is the worst service I have ever had, where is my refund").toArray(
					String[]::new), UUID.fromString(en))
			.update();
		jdbc.sql("update inbox.items set search = null where id = ?").param(UUID.fromString(items.get("da"))).update();
		jdbc.sql("update inbox.search_format set format = 1").update();

		searchIndex.storeAgainIfOlder();

		assertThat(jdbc.sql("select format, stored_through from inbox.search_format").query((rs, n) -> rs.getInt(1)
				+ "/" + rs.getString(2)).single()).isEqualTo(SearchTerms.FORMAT + "/null");
		assertThat(jdbc.sql("select 'refu' = any(tsvector_to_array(search)) from inbox.items where id = ?")
			.param(UUID.fromString(en)).query(Boolean.class).single()).isTrue();
		assertThat(keys("q=" + encode("refu"))).containsExactly("en", "da");
		assertThat(keys("q=" + encode("refunder"))).containsExactly("da");
		assertThat(keys("q=" + encode("ser"))).containsExactly("en");
	}

	@Test
	void newMessagesWordsAreMergedIntoTheSearchIndexAndAreFoundBeforeAndAfter() {
		// pgstattuple tells how much waits in the GIN index's pending list (tests merge only when asked)
		jdbc.sql("create extension if not exists pgstattuple").update();
		assertThat(pendingSearchEntries()).isPositive();
		assertThat(keys("q=" + encode("refund"))).containsExactly("en", "da");

		assertThat(searchIndex.mergePendingWords()).isPositive();

		assertThat(pendingSearchEntries()).isZero();
		assertThat(keys("q=" + encode("refund"))).containsExactly("en", "da");
		assertThat(keys("q=" + encode("배송"))).containsExactly("ko");
	}

	@Test
	void mergingWaitsQuietlyWhileTheSearchIndexIsMissing(@Autowired PlatformTransactionManager transactions) {
		// as while an operator rebuilds it: nothing to merge, and no failure every second
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.sql("drop index inbox.items_search").update();
			assertThat(searchIndex.mergePendingWords()).isZero();
			status.setRollbackOnly();
		});
		assertThat(keys("q=" + encode("refund"))).containsExactly("en", "da");
	}

	private long pendingSearchEntries() {
		return jdbc.sql("select pending_tuples from pgstatginindex('inbox.items_search')").query(Long.class).single();
	}

	@Test
	void listsNarrowByLanguageSentimentAndWordsInFourLanguages() {
		assertThat(keys("language=ko")).containsExactly("ko");
		assertThat(keys("language=ne")).containsExactly("ne");
		assertThat(keys("sentiment=negative")).containsExactly("en");
		assertThat(keys("sentiment=positive")).containsExactlyInAnyOrder("ko", "da", "ne");
		assertThat(conversationKeys("language=da")).containsExactly("da");
		assertThat(conversationKeys("sentiment=negative")).containsExactly("en");

		// a word finds the words it begins, whatever the language
		assertThat(keys("q=" + encode("refund"))).containsExactly("en", "da");
		assertThat(keys("q=" + encode("REFUND WORST"))).containsExactly("en");
		assertThat(keys("q=" + encode("refunder"))).containsExactly("da");
		assertThat(keys("q=" + encode("hjælp"))).containsExactly("da");
		assertThat(keys("q=" + encode("배송"))).containsExactly("ko");
		assertThat(keys("q=" + encode("पैसा"))).containsExactly("ne");
		assertThat(keys("q=" + encode("सेवा एकदम"))).containsExactly("ne");
		assertThat(keys("q=" + encode("sevice"))).isEmpty();
		assertThat(keys("q=" + encode("bob.test"))).hasSize(4);
		assertThat(conversationKeys("q=" + encode("감사"))).containsExactly("ko");
		// tsquery operators are not read as such: "!worst" does not exclude, it is the word worst
		assertThat(keys("q=" + encode("refund | !worst & (:*"))).containsExactly("en");
		assertThat(keys("q=" + encode("worst") + "&language=en&sentiment=negative")).containsExactly("en");
		assertThat(keys("q=" + encode("worst") + "&language=da")).isEmpty();

		Api.Response tooLong = api.get("/api/v1/inbox/items?q=" + "a".repeat(201), token);
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
		assertThat(api.get("/api/v1/inbox/items?sentiment=angry", token).json().get("errors").get(0).get("field")
			.asString()).isEqualTo("sentiment");
		assertThat(api.get("/api/v1/inbox/items?language=english", token).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/inbox/conversations?sla=late", token).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/inbox/conversations?assigneeId=someone", token).status()).isEqualTo(422);
	}

	@Test
	void listsNarrowByAssignee() {
		UserAccount alice = world.member(workspace, "alice", Role.PUBLISHER);
		String aliceId = alice.id().value().toString();
		assertThat(api.patch("/api/v1/inbox/conversations/" + conversations.get("ko"), token,
				Map.of("assigneeId", aliceId)).status()).isEqualTo(200);
		assertThat(api.patch("/api/v1/inbox/conversations/" + conversations.get("en"), token,
				Map.of("assigneeId", owner.id().value().toString())).status()).isEqualTo(200);
		assertThat(conversationKeys("assigneeId=" + aliceId)).containsExactly("ko");
		assertThat(conversationKeys("assigneeId=me")).containsExactly("en");
		assertThat(conversationKeys("assigneeId=none")).containsExactlyInAnyOrder("da", "ne");
		assertThat(keys("assigneeId=none&language=ne")).containsExactly("ne");
		List<String> hers = new ArrayList<>();
		api.get("/api/v1/inbox/conversations?assigneeId=me", world.token(alice, workspace)).json().get("items")
			.forEach(c -> hers.add(c.get("id").asString()));
		assertThat(hers).containsExactly(conversations.get("ko"));
	}

	@Test
	void aPersonCorrectsTheSentimentAndTheCorrectionIsKept() {
		String item = items.get("en");
		Api.Response corrected = api.putJson("/api/v1/inbox/items/" + item + "/sentiment", token,
				Map.of("label", "neutral"));
		assertThat(corrected.status()).as(corrected.raw().body()).isEqualTo(200);
		JsonNode sentiment = corrected.json().get("sentiment");
		assertThat(sentiment.get("label").asString()).isEqualTo("neutral");
		assertThat(sentiment.get("analysed").asString()).isEqualTo("negative");
		assertThat(sentiment.get("correctedBy").asString()).isEqualTo(owner.id().value().toString());
		assertThat(keys("sentiment=negative")).isEmpty();
		assertThat(keys("sentiment=neutral")).containsExactly("en");

		// corrected twice: the analysis is still what the model said
		api.putJson("/api/v1/inbox/items/" + item + "/sentiment", token, Map.of("label", "positive"));
		JsonNode listed = api.get("/api/v1/inbox/items?language=en", token).json().get("items").get(0);
		assertThat(listed.get("sentiment").get("label").asString()).isEqualTo("positive");
		assertThat(listed.get("sentiment").get("analysed").asString()).isEqualTo("negative");
		// and a new poll of the same notifications leaves it alone
		assertThat(ingestion.pollNow(workspace.workspaceId(),
				app.chorus.channels.ChannelId.of(listed.get("channelId").asString()), Duration.ofSeconds(20)))
			.isTrue();
		assertThat(api.get("/api/v1/inbox/items?language=en", token).json().get("items").get(0).get("sentiment")
			.get("label").asString()).isEqualTo("positive");

		Api.Response unknown = api.putJson("/api/v1/inbox/items/" + item + "/sentiment", token,
				Map.of("label", "furious"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("label");
		UserAccount viewer = world.member(workspace, "viewer", Role.VIEWER);
		assertThat(api.putJson("/api/v1/inbox/items/" + item + "/sentiment", world.token(viewer, workspace),
				Map.of("label", "neutral")).status()).isEqualTo(403);

		Membership other = world.workspace("filtersother");
		String otherToken = world.token(world.owner(other), other);
		assertThat(api.putJson("/api/v1/inbox/items/" + item + "/sentiment", otherToken, Map.of("label", "neutral"))
			.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/inbox/items?q=worst", otherToken).json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/inbox/conversations?language=en", otherToken).json().get("items")).isEmpty();
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/audit/entries", token).raw().body()).contains("inbox.sentiment.corrected"));
	}
}
