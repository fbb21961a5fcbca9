package app.chorus.publishing.campaigns;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.campaigns.Campaigns.Campaign;
import app.chorus.publishing.campaigns.Campaigns.CampaignInput;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.Page;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Campaigns of the workspace. */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Name, colour, objective and dates; posts belong to them")
class CampaignsApi {

	private final Campaigns campaigns;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	CampaignsApi(Campaigns campaigns, WorkspaceContext context, CurrentUser currentUser) {
		this.campaigns = campaigns;
		this.context = context;
		this.currentUser = currentUser;
	}

	@GetMapping
	Page<Campaign> list(@RequestParam(defaultValue = "false") boolean archived) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return Page.of(campaigns.all(membership.workspaceId(), archived));
	}

	@GetMapping("/{id}")
	Campaign campaign(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return campaigns.get(membership.workspaceId(), id);
	}

	@Operation(summary = "Start a campaign: name, colour (#rrggbb), objective, startsOn/endsOn (YYYY-MM-DD)")
	@PostMapping
	ResponseEntity<Campaign> create(@RequestBody CampaignInput input) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		Campaign campaign = campaigns.create(membership, actor(), input);
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id())).body(campaign);
	}

	@Operation(summary = "Change or archive a campaign (archived: true)")
	@PatchMapping("/{id}")
	Campaign update(@PathVariable UUID id, @RequestBody CampaignInput input) {
		Membership membership = context.require(Permission.POSTS_PUBLISH);
		return campaigns.update(membership, actor(), id, input);
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}
}
