package app.chorus.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.identity.UserAccount;
import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.Multipart;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;

/** Approval policies, review rounds, campaigns and media on posts, through the API. */
@ChorusIntegrationTest
class ApprovalsIntegrationTests {

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	Api api;
	Membership workspace;
	String owner;
	String manager;
	String contributor;
	UserAccount managerAccount;
	String channelId;

	@BeforeEach
	void aWorkspaceWithABlueskyChannelAndATeam() {
		api = new Api(port);
		workspace = world.workspace("approvals");
		owner = world.token(world.owner(workspace), workspace);
		managerAccount = world.member(workspace, "manager", Role.MANAGER);
		manager = world.token(managerAccount, workspace);
		contributor = world.token(world.member(workspace, "writer", Role.CONTRIBUTOR), workspace);
		String did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, "brand.test", "Brand");
		BlueskyAnswers.recordsAreWritten(pds, did);
		BlueskyAnswers.blobsAreStored(pds);
		channelId = api.post("/api/v1/channels", owner, Map.of("network", "bluesky", "pdsUrl", pds.baseUrl(),
				"handle", "brand.test", "appPassword", "abcd-efgh-ijkl-mnop")).json().get("id").asString();
	}

	@Test
	void aContributorsPostWaitsForAManagerThenGoesOut() {
		policy(List.of(Map.of("role", "manager")));
		Api.Response created = api.post("/api/v1/posts", contributor, Map.of("text", "Needs a look first",
				"channelIds", List.of(channelId), "publishNow", true));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("in_review");
		String id = created.json().get("id").asString();
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord")))).isEmpty();
		assertThat(api.get("/api/v1/posts/" + id + "/review", manager).json().get("mayDecide").asBoolean()).isTrue();
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/api/v1/notifications", manager).json().get("items").findValuesAsString("messageKey"))
			.contains("notice.post.awaits-approval"));

		assertThat(api.post("/api/v1/posts/" + id + "/approve", contributor, Map.of()).status()).isEqualTo(403);
		Api.Response approved = api.post("/api/v1/posts/" + id + "/approve", manager, Map.of("comment", "Good"));
		assertThat(approved.status()).isEqualTo(200);
		awaitStatus(id, "published");
		assertThat(api.post("/api/v1/posts/" + id + "/approve", manager, Map.of()).status()).isEqualTo(409);
	}

	@Test
	void changesRequestedSendThePostBackForANewRound() {
		policy(List.of(Map.of("role", "manager")));
		String id = api.post("/api/v1/posts", contributor, Map.of("text", "First try", "channelIds",
				List.of(channelId), "scheduledAt", Instant.now().plusSeconds(3600).toString())).json().get("id")
			.asString();
		assertThat(api.post("/api/v1/posts/" + id + "/request-changes", manager, Map.of()).status())
			.as("a comment is required").isEqualTo(422);
		api.post("/api/v1/posts/" + id + "/request-changes", manager, Map.of("comment", "Add the date"));
		assertThat(status(id)).isEqualTo("changes_requested");

		Api.Response edited = api.patch("/api/v1/posts/" + id, contributor, Map.of("text", "Second try, 1 May",
				"channelIds", List.of(channelId)));
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.json().get("text").asString()).isEqualTo("Second try, 1 May");
		Api.Response submitted = api.post("/api/v1/posts/" + id + "/submit", contributor,
				Map.of("scheduledAt", Instant.now().plusSeconds(3600).toString()));
		assertThat(submitted.json().get("status").asString()).isEqualTo("in_review");
		JsonNode review = api.get("/api/v1/posts/" + id + "/review", manager).json();
		assertThat(review.get("round").asInt()).isEqualTo(2);
		assertThat(review.get("decisions")).hasSize(1);
		api.post("/api/v1/posts/" + id + "/approve", manager, Map.of());
		assertThat(status(id)).isEqualTo("scheduled");
	}

	@Test
	void stepsGoInOrderAndAChannelMayHaveItsOwnPolicy() {
		String team = api.post("/api/v1/teams", owner, Map.of("name", "Legal")).json().get("id").asString();
		UserAccount lawyer = world.member(workspace, "lawyer", Role.MANAGER);
		api.put("/api/v1/teams/" + team + "/members/" + lawyer.id().value(), owner);
		assertThat(api.putJson("/api/v1/publishing/approval-policy/channels/" + channelId, owner,
				Map.of("steps", List.of(Map.of("role", "manager"), Map.of("teamId", team)))).status()).isEqualTo(200);

		String id = api.post("/api/v1/posts", contributor, Map.of("text", "Two looks", "channelIds",
				List.of(channelId), "scheduledAt", Instant.now().plusSeconds(3600).toString())).json().get("id")
			.asString();
		api.post("/api/v1/posts/" + id + "/approve", manager, Map.of());
		assertThat(status(id)).isEqualTo("in_review");
		assertThat(api.post("/api/v1/posts/" + id + "/approve", manager, Map.of()).status())
			.as("the second step is the team's").isEqualTo(403);
		api.post("/api/v1/posts/" + id + "/approve", world.token(lawyer, workspace), Map.of());
		assertThat(status(id)).isEqualTo("scheduled");

		assertThat(api.delete("/api/v1/publishing/approval-policy/channels/" + channelId, owner).status())
			.isEqualTo(200);
		Api.Response direct = api.post("/api/v1/posts", owner, Map.of("text", "No review now", "channelIds",
				List.of(channelId), "scheduledAt", Instant.now().plusSeconds(3600).toString()));
		assertThat(direct.json().get("status").asString()).isEqualTo("scheduled");
	}

	@Test
	void aPolicyNamesRolesThatMayApproveAndTeamsThatExist() {
		Api.Response refused = api.putJson("/api/v1/publishing/approval-policy", owner, Map.of("steps",
				List.of(Map.of("role", "viewer"), Map.of("role", "manager", "teamId", channelId))));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.raw().body()).contains("steps[0].role").contains("steps[1]");
		assertThat(api.putJson("/api/v1/publishing/approval-policy", manager, Map.of("steps", List.of())).status())
			.as("managers may not change the workspace's policy").isEqualTo(403);
	}

	@Test
	void postsCarryCampaignsAndImages() throws IOException {
		String campaign = api.post("/api/v1/campaigns", owner, Map.of("name", "Spring sale", "colour", "#22aa55",
				"startsOn", "2026-03-01", "endsOn", "2026-03-31")).json().get("id").asString();
		assertThat(api.post("/api/v1/campaigns", owner, Map.of("name", "spring SALE")).status()).isEqualTo(409);
		String image = api.upload("/api/v1/media", owner, Multipart.of(Map.of("altText", "Tulips in a row"), "file",
				"tulips.png", "image/png", png(800, 600))).json().get("id").asString();

		Api.Response created = api.post("/api/v1/posts", owner, Map.of("text", "Tulips are in 🌷", "channelIds",
				List.of(channelId), "publishNow", true, "campaignId", campaign, "media", List.of(image)));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("campaignId").asString()).isEqualTo(campaign);
		assertThat(created.json().get("variants").get(0).get("media").get(0).asString()).isEqualTo(image);
		awaitStatus(created.json().get("id").asString(), "published");
		assertThat(pds.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.uploadBlob")))).hasSize(1);
		String record = pds.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord"))).get(0)
			.getBodyAsString();
		assertThat(record).contains("app.bsky.embed.images").contains("Tulips in a row");

		Api.Response unknown = api.post("/api/v1/posts", owner, Map.of("text", "x", "channelIds",
				List.of(channelId), "campaignId", channelId, "media", List.of(channelId)));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.raw().body()).contains("campaignId").contains("variants[0].media[0]");
	}

	@Test
	void linksBecomeTaggedShortLinksWhenThePostAsks() {
		String campaign = api.post("/api/v1/campaigns", owner, Map.of("name", "Tulip week")).json().get("id")
			.asString();
		Api.Response created = api.post("/api/v1/posts", owner, Map.of("text",
				"Read more: https://example.com/tulips?ref=news", "channelIds", List.of(channelId), "publishNow", true,
				"campaignId", campaign, "shortenLinks", true));
		awaitStatus(created.json().get("id").asString(), "published");
		String record = pds.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord"))).get(0)
			.getBodyAsString();
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://localhost/l/([A-Za-z0-9]+)")
			.matcher(record);
		assertThat(link.find()).as("the text carries a short link: " + record).isTrue();
		assertThat(record).doesNotContain("example.com/tulips");
		Api.Response followed = api.get("/l/" + link.group(1), null);
		assertThat(followed.status()).isEqualTo(302);
		assertThat(followed.header("Location")).isEqualTo(
				"https://example.com/tulips?ref=news&utm_source=bluesky&utm_medium=social&utm_campaign=tulip-week");
	}

	private void policy(List<Map<String, String>> steps) {
		assertThat(api.putJson("/api/v1/publishing/approval-policy", owner, Map.of("steps", steps)).status())
			.isEqualTo(200);
	}

	private String status(String id) {
		return api.get("/api/v1/posts/" + id, owner).json().get("status").asString();
	}

	private void awaitStatus(String id, String status) {
		try {
			Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
				.until(() -> status(id), status::equals);
		}
		catch (org.awaitility.core.ConditionTimeoutException e) {
			throw new AssertionError("post " + id + " never became " + status + ": "
					+ api.get("/api/v1/posts/" + id, owner).raw().body(), e);
		}
	}

	private static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}
}
