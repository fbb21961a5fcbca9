package app.chorus.inbox.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelView;
import app.chorus.inbox.internal.InboxService.ConversationView;
import app.chorus.inbox.internal.InboxService.ItemView;
import app.chorus.inbox.internal.InboxService.Latest;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.workspace.WorkspaceManagement;
import app.chorus.workspace.WorkspaceManagement.MemberSummary;

/** The names the inbox pages show for ids: the workspace's channels and members, read once per page. */
@Component
class InboxNames {

	private final ChannelManagement channels;
	private final WorkspaceManagement workspaces;

	InboxNames(ChannelManagement channels, WorkspaceManagement workspaces) {
		this.channels = channels;
		this.workspaces = workspaces;
	}

	/** The names of one workspace. */
	record Directory(List<ChannelView> channels, List<MemberSummary> members) {

		@Nullable
		String channel(UUID id) {
			return channels.stream().filter(c -> c.id().value().equals(id)).map(ChannelView::name).findFirst()
				.orElse(null);
		}

		@Nullable
		String member(@Nullable UUID id) {
			return id == null ? null
					: members.stream().filter(m -> m.userId().value().equals(id)).map(MemberSummary::displayName)
						.findFirst().orElse(null);
		}

		Map<UUID, String> memberNames() {
			return members.stream().collect(Collectors.toMap(m -> m.userId().value(), MemberSummary::displayName,
					(a, b) -> a));
		}

		InboxRow row(ItemView item, ConversationView conversation) {
			return new InboxRow(item, conversation, channel(item.channelId()), member(conversation.assigneeId()), 1);
		}

		/** A row per conversation, showing its newest message; conversations without one are left out. */
		List<InboxRow> conversationRows(List<ConversationView> conversations, Map<UUID, Latest> latest) {
			return conversations.stream().filter(c -> latest.containsKey(c.id())).map(c -> {
				Latest newest = latest.get(c.id());
				return new InboxRow(newest.item(), c, channel(c.channelId()), member(c.assigneeId()),
						newest.messages());
			}).toList();
		}

		List<InboxRow> rows(List<ItemView> items, Map<UUID, ConversationView> conversations) {
			return items.stream().filter(i -> conversations.containsKey(i.conversationId()))
				.map(i -> row(i, conversations.get(i.conversationId()))).toList();
		}
	}

	Directory of(WorkspaceId workspace) {
		return new Directory(channels.all(workspace), workspaces.members(workspace));
	}
}
