package app.chorus.inbox.rules;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.inbox.rules.RuleRecords.HitRow;
import app.chorus.inbox.rules.RuleRecords.RuleRow;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.FormErrors;
import app.chorus.shared.web.Page;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * Inbox automation rules. Reading them needs {@code content-view}; changing them needs {@code channels-manage}, since a
 * rule answers and moderates on the channels' behalf.
 */
@RestController
@RequestMapping("/api/v1/inbox/rules")
@Tag(name = "Inbox rules", description = "Rules run in order on every new inbox item: when all of a rule's conditions "
		+ "hold ({\"on\":\"channel\",\"ids\":[..]}, network keys, types, keywords words+all, language codes, "
		+ "sentiment labels, author handles) its actions run ({\"do\":\"tag\",\"tags\":[..]}, assign memberId, "
		+ "priority, auto-reply savedReplyId, hide); stopProcessing ends the run after a matching rule")
class InboxRulesApi {

	private final InboxRules rules;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final FormErrors messages;

	InboxRulesApi(InboxRules rules, WorkspaceContext context, CurrentUser currentUser, FormErrors messages) {
		this.rules = rules;
		this.context = context;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	/** {@code enabled} defaults to true, {@code stopProcessing} to false. */
	record RuleBody(@Nullable String name, @Nullable Boolean enabled, @Nullable Boolean stopProcessing,
			@Nullable JsonNode conditions, @Nullable JsonNode actions) {
	}

	record OrderBody(@Nullable List<UUID> ids) {
	}

	/** {@code updatedBy}: the member who last saved the rule, in whose name its automatic replies go out. */
	record RuleResource(UUID id, String name, int position, boolean enabled, boolean stopProcessing,
			List<Condition> conditions, List<Action> actions, long hits, @Nullable Instant lastHitAt, UUID createdBy,
			Instant createdAt, UUID updatedBy, Instant updatedAt) {
	}

	record OutcomeResource(String action, String result, @Nullable String reason, @Nullable String message,
			@Nullable String detail, @Nullable UUID replyId) {
	}

	record HitResource(UUID itemId, Instant at, List<OutcomeResource> outcomes) {
	}

	@Operation(summary = "The workspace's rules, in the order they run")
	@GetMapping
	Page<RuleResource> all() {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return Page.of(rules.all(membership.workspaceId()).stream().map(InboxRulesApi::resource).toList());
	}

	@Operation(summary = "Add a rule after the last one: {\"name\":\"Refunds\",\"conditions\":[{\"on\":\"keywords\","
			+ "\"words\":[\"refund*\"]}],\"actions\":[{\"do\":\"tag\",\"tags\":[\"refund\"]}]}")
	@PostMapping
	ResponseEntity<RuleResource> create(@RequestBody RuleBody body) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		RuleRow rule = rules.create(membership, actor(), draft(body));
		return ResponseEntity.created(URI.create("/api/v1/inbox/rules/" + rule.id())).body(resource(rule));
	}

	@Operation(summary = "Put the rules in this order: {\"ids\":[...]}, every rule once")
	@PutMapping("/order")
	Page<RuleResource> reorder(@RequestBody OrderBody body) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		return Page.of(rules.reorder(membership, actor(), body.ids()).stream().map(InboxRulesApi::resource).toList());
	}

	@Operation(summary = "One rule")
	@GetMapping("/{id}")
	RuleResource find(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return resource(rules.find(membership.workspaceId(), id));
	}

	@Operation(summary = "Replace a rule's name, conditions, actions, enabled and stopProcessing; it keeps its place")
	@PutMapping("/{id}")
	RuleResource update(@PathVariable UUID id, @RequestBody RuleBody body) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		return resource(rules.update(membership, actor(), id, draft(body)));
	}

	@Operation(summary = "Delete a rule")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CHANNELS_MANAGE);
		rules.delete(membership, actor(), id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "What the rule did lately, newest first: each action's outcome (applied, skipped or failed "
			+ "with the reason, pending, unconfirmed)")
	@GetMapping("/{id}/hits")
	Page<HitResource> hits(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return Page.of(rules.hits(membership.workspaceId(), id).stream().map(this::resource).toList());
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}

	private static RuleValidation.Draft draft(RuleBody body) {
		return new RuleValidation.Draft(body.name(), body.enabled(), body.stopProcessing(), body.conditions(),
				body.actions());
	}

	private static RuleResource resource(RuleRow r) {
		return new RuleResource(r.id(), r.name(), r.position(), r.enabled(), r.stopProcessing(), r.conditions(),
				r.actions(), r.hits(), r.lastHitAt(), r.createdBy().value(), r.createdAt(), r.updatedBy().value(),
				r.updatedAt());
	}

	private HitResource resource(HitRow hit) {
		return new HitResource(hit.itemId(), hit.at(), hit.outcomes().stream()
			.map(o -> new OutcomeResource(o.action(), o.result(), o.reason(),
					o.reason() == null ? null : messages.message("inbox.rule.outcome." + o.reason()), o.detail(),
					o.replyId()))
			.toList());
	}
}
