package app.chorus.inbox.rules;

import java.util.Optional;

import org.springframework.stereotype.Component;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelPermission;
import app.chorus.channels.ChannelView;
import app.chorus.channels.spi.AccessTokenExpired;
import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.Moderating;
import app.chorus.channels.spi.NetworkUnavailable;
import app.chorus.inbox.internal.InboxReplies;
import app.chorus.inbox.internal.InboxService;
import app.chorus.inbox.internal.InboxService.ReceivedItem;
import app.chorus.inbox.internal.InboxService.ReplyView;
import app.chorus.inbox.rules.RuleRecords.RuleRow;
import app.chorus.inbox.saved.SavedReplies;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.WorkspaceManagement;

/** What rules ask of a network: an automatic reply and hiding an item. Each answers the action's outcome. */
@Component
class AutomaticActions {

	private final InboxService inbox;
	private final InboxReplies replies;
	private final SavedReplies saved;
	private final ChannelManagement channels;
	private final WorkspaceManagement workspaces;

	AutomaticActions(InboxService inbox, InboxReplies replies, SavedReplies saved, ChannelManagement channels,
			WorkspaceManagement workspaces) {
		this.inbox = inbox;
		this.replies = replies;
		this.saved = saved;
		this.channels = channels;
		this.workspaces = workspaces;
	}

	/**
	 * Sends the saved reply, filled in, as the answer to the item, through the same path as a person's reply and in
	 * the name of the member who last saved the rule (who must still be a member allowed to reply through the
	 * channel). A reply already made under the outcome's id is not made again: sent is applied, failed stays failed
	 * (a person may retry it from the conversation), and one left sending is unconfirmed.
	 */
	RuleOutcome reply(WorkspaceId workspace, ReceivedItem received, RuleRow rule, AuditActor actor,
			RuleOutcome outcome) {
		if (outcome.replyId() == null || outcome.savedReplyId() == null) {
			return outcome.settled(RuleOutcome.FAILED, "reply-failed", null);
		}
		Optional<ReplyView> existing = inbox.reply(workspace, outcome.replyId());
		if (existing.isPresent()) {
			return switch (existing.get().status()) {
				case "sent" -> outcome.settled(RuleOutcome.APPLIED, null, null);
				case "failed" -> outcome.settled(RuleOutcome.FAILED, "reply-failed", existing.get().errorKey());
				default -> outcome.settled(RuleOutcome.UNCONFIRMED, "unconfirmed", null);
			};
		}
		Optional<Membership> author = workspaces.membership(workspace, rule.updatedBy());
		if (author.isEmpty()) {
			return outcome.settled(RuleOutcome.SKIPPED, "author-left", null);
		}
		Optional<ChannelView> channel = channels.find(workspace, new ChannelId(received.item().channelId()));
		if (channel.isEmpty()) {
			return outcome.settled(RuleOutcome.SKIPPED, "channel-gone", null);
		}
		if (!channels.may(author.get(), channel.get().id(), ChannelPermission.REPLY)) {
			return outcome.settled(RuleOutcome.SKIPPED, "author-may-not-reply", null);
		}
		Optional<String> text = saved.render(workspace, outcome.savedReplyId(), received.item(), channel.get(),
				author.get().userId());
		if (text.isEmpty()) {
			return outcome.settled(RuleOutcome.SKIPPED, "saved-reply-gone", null);
		}
		try {
			replies.reply(author.get(), actor, received.item().conversationId(), text.get(), received.item().id(),
					outcome.replyId());
			return outcome.settled(RuleOutcome.APPLIED, null, null);
		}
		catch (ChorusException e) {
			// the reply is kept as failed with its reason (and audited); a person may send it again
			return outcome.settled(RuleOutcome.FAILED, "reply-failed", e.messageKey());
		}
	}

	/** Hides the item on the network, where its adapter can; otherwise the action is skipped and says why. */
	RuleOutcome hide(WorkspaceId workspace, ReceivedItem received, RuleOutcome outcome) {
		Optional<ChannelView> channel = channels.find(workspace, new ChannelId(received.item().channelId()));
		if (channel.isEmpty()) {
			return outcome.settled(RuleOutcome.SKIPPED, "channel-gone", null);
		}
		Optional<Moderating> moderating = channels.network(channel.get()).filter(Moderating.class::isInstance)
			.map(Moderating.class::cast).filter(m -> m.actions().contains(Moderating.Action.HIDE));
		if (moderating.isEmpty()) {
			return outcome.settled(RuleOutcome.SKIPPED, "network-cannot-hide", null);
		}
		ChannelSession session = channels.session(workspace, channel.get().id());
		try {
			try {
				moderating.get().moderate(session, Moderating.Action.HIDE, received.postId());
			}
			catch (AccessTokenExpired e) {
				moderating.get().moderate(channels.renewedSession(workspace, channel.get().id()),
						Moderating.Action.HIDE, received.postId());
			}
			return outcome.settled(RuleOutcome.APPLIED, null, null);
		}
		catch (UnsupportedOperationException e) {
			return outcome.settled(RuleOutcome.SKIPPED, "network-cannot-hide", null);
		}
		catch (NetworkUnavailable | IllegalArgumentException | IllegalStateException e) {
			// unreachable, or refused (say, a reply in a thread the account did not start): kept on the hit
			return outcome.settled(RuleOutcome.FAILED, "hide-failed", String.valueOf(e.getMessage()));
		}
	}
}
