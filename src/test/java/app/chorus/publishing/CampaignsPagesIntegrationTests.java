package app.chorus.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.identity.UserAccount;
import app.chorus.support.Api;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.TestWorld;
import app.chorus.support.WebClient;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;
import tools.jackson.databind.JsonNode;

/**
 * The campaigns pages: made, changed, archived and restored by those who may publish, read by the rest; the posts list
 * filtered by campaign; and another workspace's campaign ids answering 404.
 */
@ChorusIntegrationTest
class CampaignsPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	Api api;
	Membership workspace;
	String token;
	WebClient owner;

	@BeforeEach
	void aWorkspaceAndItsOwnerSignedIn() {
		api = new Api(port);
		workspace = world.workspace("campaign-pages");
		UserAccount ownerAccount = world.owner(workspace);
		token = world.token(ownerAccount, workspace);
		owner = signedIn(ownerAccount);
	}

	@Test
	void aCampaignIsMadeChangedArchivedAndRestored() {
		WebClient.Page empty = owner.get("/campaigns");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).contains("No campaign is running.").contains("type=\"color\"")
			.contains("action=\"/campaigns\"");
		assertThat(owner.get("/posts").body()).contains("href=\"/campaigns\"");

		WebClient.Page refused = owner.post("/campaigns", Map.of("name", "  ", "colour", "#22aa55",
				"startsOn", "2026-04-10", "endsOn", "2026-04-01"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(after(refused.body(), "id=\"campaign-name\"")).contains("Give the campaign a name.");
		assertThat(after(refused.body(), "name=\"endsOn\"")).contains("The campaign cannot end before it starts.");
		assertThat(refused.body()).contains("value=\"2026-04-10\"").contains("<details open=\"open\">");

		WebClient.Page created = owner.post("/campaigns", Map.of("name", "Spring sale", "colour", "#22AA55",
				"objective", "More visits to the shop", "startsOn", "2026-04-01", "endsOn", "2026-04-30"));
		assertThat(created.status()).isEqualTo(302);
		JsonNode campaign = api.get("/api/v1/campaigns", token).json().get("items").get(0);
		String id = campaign.get("id").asString();
		assertThat(campaign.get("colour").asString()).isEqualTo("#22aa55");
		String list = owner.get("/campaigns").body();
		assertThat(list).contains("The campaign is created.").contains("background: #22aa55")
			.contains("href=\"/campaigns/" + id + "\"").contains("2026-04-01 – 2026-04-30")
			.contains("More visits to the shop").contains("href=\"/posts?campaign=" + id + "\"");

		WebClient.Page edit = owner.get("/campaigns/" + id);
		assertThat(edit.status()).isEqualTo(200);
		assertThat(edit.body()).contains("value=\"Spring sale\"").contains("value=\"#22aa55\"");
		WebClient.Page badColour = owner.post("/campaigns/" + id, Map.of("name", "Spring sale", "colour", "green"));
		assertThat(after(badColour.body(), "id=\"campaign-colour\"")).contains("Give the colour as #rrggbb");
		WebClient.Page changed = owner.post("/campaigns/" + id, Map.of("name", "Summer sale", "colour", "#ff8800",
				"objective", "", "startsOn", "", "endsOn", ""));
		assertThat(changed.status()).isEqualTo(302);
		JsonNode saved = api.get("/api/v1/campaigns", token).json().get("items").get(0);
		assertThat(saved.get("name").asString()).isEqualTo("Summer sale");
		assertThat(saved.get("startsOn").isNull()).isTrue();
		assertThat(owner.get("/posts/new").body()).contains(">Summer sale<");

		owner.get("/campaigns");
		assertThat(owner.post("/campaigns/" + id + "/archive", Map.of()).status()).isEqualTo(302);
		String archived = owner.get("/campaigns").body();
		assertThat(archived).contains("The campaign is archived.").contains("Archived campaigns")
			.contains("action=\"/campaigns/" + id + "/restore\"").contains("No campaign is running.");
		assertThat(owner.get("/posts/new").body()).as("the composer offers running campaigns only")
			.doesNotContain(">Summer sale<");
		assertThat(owner.post("/campaigns/" + id + "/restore", Map.of()).status()).isEqualTo(302);
		assertThat(api.get("/api/v1/campaigns", token).json().get("items").get(0).get("archived").asBoolean()).isFalse();
	}

	@Test
	void thePostsListIsFilteredByCampaign() {
		String sale = api.post("/api/v1/campaigns", token, Map.of("name", "Sale", "colour", "#aa2255")).json()
			.get("id").asString();
		api.post("/api/v1/posts", token, Map.of("text", "Everything half price", "channelIds", List.of(),
				"campaignId", sale));
		api.post("/api/v1/posts", token, Map.of("text", "Just news", "channelIds", List.of()));

		String all = owner.get("/posts").body();
		assertThat(all).contains("Everything half price").contains("Just news").contains("Any campaign");
		String filtered = owner.get("/posts?campaign=" + sale).body().replaceAll("\\s+", " ");
		assertThat(filtered).contains("Everything half price").doesNotContain("Just news")
			.contains("<option value=\"" + sale + "\" selected=\"selected\">Sale</option>")
			.contains("background: #aa2255");
	}

	@Test
	void peopleWhoMayNotPublishReadCampaigns() {
		String id = api.post("/api/v1/campaigns", token, Map.of("name", "Read me", "objective", "Be seen")).json()
			.get("id").asString();
		WebClient writer = signedIn(world.member(workspace, "writer", Role.CONTRIBUTOR));
		String list = writer.get("/campaigns").body();
		assertThat(list).contains("Read me").doesNotContain("action=\"/campaigns\"")
			.doesNotContain("/archive\"");
		String page = writer.get("/campaigns/" + id).body();
		assertThat(page).contains("Be seen").doesNotContain("name=\"name\"");
		assertThat(writer.post("/campaigns/" + id, Map.of("name", "Mine")).status()).isEqualTo(403);
		assertThat(writer.post("/campaigns", Map.of("name", "Mine")).status()).isEqualTo(403);
	}

	@Test
	void anotherWorkspacesCampaignIsNotFound() {
		String id = api.post("/api/v1/campaigns", token, Map.of("name", "Ours")).json().get("id").asString();
		Membership elsewhere = world.workspace("campaign-pages-elsewhere");
		WebClient them = signedIn(world.owner(elsewhere));
		assertThat(them.get("/campaigns/" + id).status()).isEqualTo(404);
		them.get("/campaigns");
		assertThat(them.post("/campaigns/" + id, Map.of("name", "Theirs")).status()).isEqualTo(404);
		assertThat(them.post("/campaigns/" + id + "/archive", Map.of()).status()).isEqualTo(404);
		assertThat(them.post("/campaigns/" + id + "/restore", Map.of()).status()).isEqualTo(404);
		assertThat(them.get("/campaigns").body()).doesNotContain("Ours").doesNotContain(id);
		assertThat(api.get("/api/v1/campaigns", token).json().get("items").get(0).get("name").asString()).isEqualTo("Ours");
	}

	private WebClient signedIn(UserAccount person) {
		WebClient client = new WebClient(port);
		assertThat(client.signIn(person.email(), TestWorld.PASSWORD).status()).isEqualTo(302);
		return client;
	}

	/** The markup after a marker, up to the next field's label. */
	private static String after(String html, String marker) {
		int start = html.indexOf(marker);
		assertThat(start).as("%s in the page", marker).isNotNegative();
		int end = html.indexOf("<label", start + marker.length());
		return html.substring(start + marker.length(), end < 0 ? html.length() : end);
	}
}
