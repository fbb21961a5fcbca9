package app.chorus.inbox.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.inbox.InboxRuleChanged;
import app.chorus.inbox.rules.RuleRecords.HitRow;
import app.chorus.inbox.rules.RuleRecords.RuleRow;
import app.chorus.inbox.rules.RuleValidation.Definition;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;

/** Managing a workspace's automation rules: what they are, their order, and what they did. */
@Service
class InboxRules {

	static final int HITS_SHOWN = 50;

	private final RuleRecords records;
	private final RuleValidation validation;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	InboxRules(RuleRecords records, RuleValidation validation, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.validation = validation;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** In the order they run. */
	List<RuleRow> all(WorkspaceId workspace) {
		return records.all(workspace);
	}

	/** @throws ChorusException 404 when the workspace has no such rule */
	RuleRow find(WorkspaceId workspace, UUID id) {
		return records.find(workspace, id).orElseThrow(() -> ChorusException.notFound("rule"));
	}

	/** Adds the rule after the last one. */
	RuleRow create(Membership membership, AuditActor actor, RuleValidation.Draft draft) {
		WorkspaceId workspace = membership.workspaceId();
		Definition rule = validation.check(workspace, draft);
		return transactions.execute(s -> {
			Instant now = clock.instant();
			UUID id = Ids.next();
			records.insert(new RuleRow(id, workspace, rule.name(), 0, rule.enabled(), rule.conditions(),
					rule.actions(), rule.stopProcessing(), 0, null, membership.userId(), now, membership.userId(), now));
			return changed(actor, find(workspace, id), "created");
		});
	}

	/** Replaces what the rule is; its place, hits and creator stay. The member becomes the one it acts for. */
	RuleRow update(Membership membership, AuditActor actor, UUID id, RuleValidation.Draft draft) {
		WorkspaceId workspace = membership.workspaceId();
		find(workspace, id);
		Definition rule = validation.check(workspace, draft);
		return transactions.execute(s -> {
			RuleRow current = find(workspace, id);
			records.update(new RuleRow(id, workspace, rule.name(), current.position(), rule.enabled(),
					rule.conditions(), rule.actions(), rule.stopProcessing(), current.hits(), current.lastHitAt(),
					current.createdBy(), current.createdAt(), membership.userId(), clock.instant()));
			return changed(actor, find(workspace, id), "updated");
		});
	}

	void delete(Membership membership, AuditActor actor, UUID id) {
		WorkspaceId workspace = membership.workspaceId();
		transactions.executeWithoutResult(s -> {
			RuleRow rule = find(workspace, id);
			records.delete(workspace, id);
			events.publishEvent(new InboxRuleChanged(workspace, actor, id, rule.name(), "deleted", rule.position(), "",
					RequestOrigin.current()));
		});
	}

	/**
	 * Puts the rules in this order.
	 * @throws ChorusException 422 on {@code ids} unless they are every rule of the workspace, each once
	 */
	List<RuleRow> reorder(Membership membership, AuditActor actor, @Nullable List<UUID> ids) {
		WorkspaceId workspace = membership.workspaceId();
		return transactions.execute(s -> {
			List<UUID> current = records.lockAll(workspace);
			if (ids == null || ids.size() != current.size() || !new HashSet<>(ids).equals(new HashSet<>(current))) {
				throw ChorusException.invalid("ids", "inbox.rule.order.incomplete", current.size());
			}
			for (int i = 0; i < ids.size(); i++) {
				records.place(workspace, ids.get(i), i + 1);
				if (!ids.get(i).equals(current.get(i))) {
					RuleRow moved = find(workspace, ids.get(i));
					events.publishEvent(new InboxRuleChanged(workspace, actor, moved.id(), moved.name(), "reordered",
							i + 1, "", RequestOrigin.current()));
				}
			}
			return records.all(workspace);
		});
	}

	/** What the rule did lately, newest first. */
	List<HitRow> hits(WorkspaceId workspace, UUID id) {
		find(workspace, id);
		return records.hitsOfRule(workspace, id, HITS_SHOWN);
	}

	private RuleRow changed(AuditActor actor, RuleRow rule, String change) {
		String definition = "{\"conditions\":" + records.conditions(rule.conditions()) + ",\"actions\":"
				+ records.actions(rule.actions()) + "}";
		events.publishEvent(new InboxRuleChanged(rule.workspaceId(), actor, rule.id(), rule.name(), change,
				rule.position(), definition, RequestOrigin.current()));
		return rule;
	}
}
