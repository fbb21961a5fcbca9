package app.chorus.publishing.imports;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import app.chorus.support.Api;
import app.chorus.support.BlueskyAnswers;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.Multipart;
import app.chorus.support.TestWorld;
import app.chorus.workspace.Membership;
import tools.jackson.databind.JsonNode;

/** Bulk import through the API: a dry run that names every bad line, and an import that makes all or nothing. */
@ChorusIntegrationTest
class ImportsIntegrationTests {

	@RegisterExtension
	static WireMockExtension pds = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	JdbcClient jdbc;

	Api api;
	Membership workspace;
	String token;
	String handle;

	@BeforeEach
	void aWorkspaceWithABlueskyChannel() {
		api = new Api(port);
		workspace = world.workspace("imports");
		token = world.token(world.owner(workspace), workspace);
		handle = "brand" + UUID.randomUUID().toString().substring(0, 6) + ".test";
		String did = BlueskyAnswers.newDid();
		BlueskyAnswers.account(pds, did, handle, "Brand");
		assertThat(api.post("/api/v1/channels", token, Map.of("network", "bluesky", "pdsUrl", pds.baseUrl(),
				"handle", handle, "appPassword", "abcd-efgh-ijkl-mnop")).status()).isEqualTo(201);
	}

	@Test
	void aDryRunNamesEveryBadLineAndMakesNothing() {
		String csv = "channels,text,scheduled_at\n"
				+ handle + ",Fine,2030-01-01 10:00\n"
				+ handle + "," + "x".repeat(301) + ",2030-01-01 10:00\n"
				+ "nobody.test,Unknown channel,\n"
				+ handle + ",In the past,2001-01-01 10:00\n";
		JsonNode report = upload(csv, true).json();
		assertThat(report.get("rows").asInt()).isEqualTo(4);
		assertThat(report.get("valid").asInt()).isEqualTo(1);
		JsonNode problems = report.get("problems");
		assertThat(problems).hasSize(3);
		assertThat(problems.get(0).get("line").asInt()).isEqualTo(3);
		assertThat(problems.get(0).get("column").asString()).isEqualTo("text");
		assertThat(problems.get(0).get("message").asString()).contains("Bluesky").contains("300");
		assertThat(problems.get(1).get("line").asInt()).isEqualTo(4);
		assertThat(problems.get(1).get("column").asString()).isEqualTo("channels");
		assertThat(problems.get(2).get("line").asInt()).isEqualTo(5);
		assertThat(problems.get(2).get("column").asString()).isEqualTo("scheduled_at");

		Api.Response refused = upload(csv, false);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.raw().body()).contains("line 3 text");
		assertThat(posts()).isZero();
	}

	@Test
	void aGoodFileIsImportedWholeAndCanBeFollowed() {
		StringBuilder csv = new StringBuilder("channels,text,scheduled_at,time_zone\n");
		for (int i = 0; i < 60; i++) {
			csv.append(handle).append(",Post number ").append(i).append(",2030-01-01 10:").append(String.format("%02d", i % 60))
				.append(",Europe/Copenhagen\n");
		}
		csv.append(handle).append(",A draft,,\n");
		Api.Response started = upload(csv.toString(), false);
		assertThat(started.status()).isEqualTo(202);
		String location = started.header("Location");
		JsonNode done = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
				() -> api.get(location, token).json(), job -> !"running".equals(job.get("status").asString()));
		assertThat(done.get("status").asString()).isEqualTo("done");
		assertThat(done.get("done").asInt()).isEqualTo(61);
		assertThat(posts()).isEqualTo(61);
		assertThat(jdbc.sql("select count(*) from publishing.posts where workspace_id = ? and status = 'scheduled'")
			.param(workspace.workspaceId().value()).query(Integer.class).single()).isEqualTo(60);
		assertThat(jdbc.sql("select min(scheduled_at) from publishing.posts where workspace_id = ?")
			.param(workspace.workspaceId().value()).query(java.sql.Timestamp.class).single().toInstant())
			.isEqualTo(Instant.parse("2030-01-01T09:00:00Z"));
	}

	@Test
	void theTemplateIsTheDocumentedFormat() {
		Api.Response template = api.get("/api/v1/posts/imports/template", token);
		assertThat(template.status()).isEqualTo(200);
		assertThat(template.raw().body()).startsWith("channels,text,scheduled_at,time_zone");
	}

	private Api.Response upload(String csv, boolean dryRun) {
		return api.upload("/api/v1/posts/imports?dryRun=" + dryRun, token, Multipart.of(Map.of(), "file", "posts.csv",
				"text/csv", csv.getBytes(StandardCharsets.UTF_8)));
	}

	private int posts() {
		return jdbc.sql("select count(*) from publishing.posts where workspace_id = ?")
			.param(workspace.workspaceId().value()).query(Integer.class).single();
	}
}
