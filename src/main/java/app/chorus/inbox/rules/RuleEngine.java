package app.chorus.inbox.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelView;
import app.chorus.channels.spi.Moderating;
import app.chorus.inbox.InboxItemsReceived;
import app.chorus.inbox.InboxRuleApplied;
import app.chorus.inbox.internal.InboxModeration;
import app.chorus.inbox.internal.InboxService;
import app.chorus.inbox.internal.InboxService.ItemView;
import app.chorus.inbox.internal.InboxService.ReceivedItem;
import app.chorus.inbox.rules.RuleRecords.HitRow;
import app.chorus.inbox.rules.RuleRecords.RuleRow;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.workspace.WorkspaceManagement;

/**
 * Runs the workspace's enabled rules, in order, on every new inbox item.
 * <p>
 * What the rules change in Chorus (tags, priority, assignee, hit counts, the record of each hit, the audit entries) is
 * written in one transaction; what they ask of the network (an automatic reply, hiding) is done after it commits, and
 * each outcome is written to the hit. A rule is applied to an item at most once (one hit per rule and item): a
 * re-delivered event finds the item's hits and only finishes what they left pending; an automatic reply is sent under
 * an id chosen before the commit, so a second delivery sees it was made and never sends another, and one whose
 * sending was cut short is marked unconfirmed rather than sent again blindly.
 */
@Component
class RuleEngine {

	private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

	private final RuleRecords records;
	private final InboxService inbox;
	private final AutomaticActions network;
	private final ChannelManagement channels;
	private final WorkspaceManagement workspaces;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	RuleEngine(RuleRecords records, InboxService inbox, AutomaticActions network, ChannelManagement channels,
			WorkspaceManagement workspaces, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.records = records;
		this.inbox = inbox;
		this.network = network;
		this.channels = channels;
		this.workspaces = workspaces;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** Runs outside a transaction: it makes its own, so network calls are never made inside one. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(InboxItemsReceived event) {
		// one read answers for the whole batch when the workspace has no rules (and nothing half-done to finish)
		if (!records.anythingFor(event.workspaceId(), event.itemIds())) {
			return;
		}
		for (UUID item : event.itemIds()) {
			run(event.workspaceId(), item);
		}
	}

	private void run(WorkspaceId workspace, UUID itemId) {
		Optional<ReceivedItem> received = inbox.received(workspace, itemId);
		if (received.isEmpty()) {
			return;
		}
		List<HitRow> hits = records.anyHit(workspace, itemId) ? records.hitsOf(workspace, itemId)
				: applyRules(workspace, received.get());
		for (HitRow hit : hits) {
			if (hit.outcomes().stream().anyMatch(RuleOutcome::pending)) {
				finish(workspace, received.get(), hit);
			}
		}
	}

	/** Applies every matching rule's changes in one transaction; answers the hits made (none when another run won). */
	private List<HitRow> applyRules(WorkspaceId workspace, ReceivedItem received) {
		ItemView item = received.item();
		RuleSubject subject = new RuleSubject(item.channelId(), item.network(), item.type(), item.text(),
				item.language(), item.sentimentLabel(), item.author().handle());
		Optional<ChannelView> channel = channels.find(workspace, new ChannelId(item.channelId()));
		List<HitRow> hits = transactions.execute(status -> {
			List<HitRow> made = new ArrayList<>();
			boolean replying = false;
			Instant now = clock.instant();
			for (RuleRow rule : records.enabled(workspace)) {
				if (!rule.matches(subject)) {
					continue;
				}
				List<RuleOutcome> outcomes = new ArrayList<>();
				List<String> tags = new ArrayList<>();
				String priority = null;
				UserId assignee = null;
				for (Action action : rule.actions()) {
					switch (action) {
						case Action.Tag tag -> {
							tags.addAll(tag.tags());
							outcomes.add(RuleOutcome.applied(action.kind()));
						}
						case Action.SetPriority set -> {
							priority = set.priority();
							outcomes.add(RuleOutcome.applied(action.kind()));
						}
						case Action.Assign assign -> {
							UserId member = new UserId(assign.memberId());
							if (workspaces.membership(workspace, member).isPresent()) {
								assignee = member;
								outcomes.add(RuleOutcome.applied(action.kind()));
							}
							else {
								outcomes.add(RuleOutcome.skipped(action.kind(), "member-left"));
							}
						}
						case Action.AutoReply reply -> {
							String refusal = replyRefusal(received, channel, replying);
							if (refusal != null) {
								outcomes.add(RuleOutcome.skipped(action.kind(), refusal));
							}
							else {
								replying = true;
								outcomes.add(RuleOutcome.pending(action.kind(), reply.savedReplyId(), Ids.next()));
							}
						}
						case Action.Hide hide -> outcomes.add(channel.isEmpty() || !canHide(channel.get())
								? RuleOutcome.skipped(action.kind(), "network-cannot-hide")
								: !InboxModeration.canBeHidden(item.type()) ? RuleOutcome.skipped(action.kind(), "not-a-reply")
								: RuleOutcome.pending(action.kind(), null, null));
					}
				}
				UUID hit = Ids.next();
				if (!records.insertHit(workspace, hit, rule.id(), item.id(), now, outcomes)) {
					// another delivery of the same event is applying the rules: it does all of it
					status.setRollbackOnly();
					return List.<HitRow>of();
				}
				inbox.automate(workspace, item.conversationId(), tags, priority, assignee);
				records.counted(workspace, rule.id(), now);
				events.publishEvent(new InboxRuleApplied(workspace, actor(rule), rule.id(), rule.name(), item.id(),
						item.conversationId(), outcomes.stream().map(RuleOutcome::summary).toList(),
						RequestOrigin.internal()));
				made.add(new HitRow(hit, rule.id(), item.id(), now, List.copyOf(outcomes)));
				if (rule.stopProcessing()) {
					break;
				}
			}
			return made;
		});
		return hits == null ? List.of() : hits;
	}

	/** Why an automatic reply must not go to this item, or {@code null} when it may. */
	private static @Nullable String replyRefusal(ReceivedItem received, Optional<ChannelView> channel,
			boolean alreadyReplying) {
		if (channel.isEmpty()) {
			return "channel-gone";
		}
		if (received.item().author().id().equals(channel.get().accountId())) {
			return "own-account";
		}
		if (received.answersOurReply()) {
			return "answers-our-reply";
		}
		if (!received.firstOfConversation()) {
			return "not-first";
		}
		return alreadyReplying ? "already-replied" : null;
	}

	private boolean canHide(ChannelView channel) {
		return channels.network(channel).filter(Moderating.class::isInstance).map(Moderating.class::cast)
			.map(moderating -> moderating.actions().contains(Moderating.Action.HIDE)).orElse(false);
	}

	/** Makes the hit's pending network calls, one by one, writing each outcome as it comes. */
	private void finish(WorkspaceId workspace, ReceivedItem received, HitRow hit) {
		Optional<RuleRow> rule = records.find(workspace, hit.ruleId());
		if (rule.isEmpty()) {
			return; // deleted meanwhile, and its hits with it
		}
		List<RuleOutcome> outcomes = new ArrayList<>(hit.outcomes());
		for (int i = 0; i < outcomes.size(); i++) {
			RuleOutcome outcome = outcomes.get(i);
			if (!outcome.pending()) {
				continue;
			}
			RuleOutcome settled;
			try {
				settled = switch (outcome.action()) {
					case "auto-reply" -> network.reply(workspace, received, rule.get(), actor(rule.get()), outcome);
					case "hide" -> network.hide(workspace, received, outcome);
					default -> outcome.settled(RuleOutcome.FAILED, "unknown-action", null);
				};
			}
			catch (RuntimeException e) {
				log.warn("Rule {} could not {} item {}: {}", hit.ruleId(), outcome.action(), hit.itemId(), e.toString());
				settled = outcome.settled(RuleOutcome.FAILED, outcome.action() + "-failed", e.getClass().getSimpleName());
			}
			outcomes.set(i, settled);
			List<RuleOutcome> now = List.copyOf(outcomes);
			transactions.executeWithoutResult(s -> records.settle(workspace, hit.id(), now));
		}
	}

	/** The rule, acting for the member who last saved it. */
	static AuditActor actor(RuleRow rule) {
		return new AuditActor(rule.updatedBy(), "inbox rule: " + rule.name());
	}
}
