package app.chorus.inbox.rules;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a rule does to an item it matches, in the order written. The JSON form (how rules are stored and sent) names
 * the kind in {@code "do"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "do")
@JsonSubTypes({ @JsonSubTypes.Type(value = Action.Tag.class, name = "tag"),
		@JsonSubTypes.Type(value = Action.Assign.class, name = "assign"),
		@JsonSubTypes.Type(value = Action.SetPriority.class, name = "priority"),
		@JsonSubTypes.Type(value = Action.AutoReply.class, name = "auto-reply"),
		@JsonSubTypes.Type(value = Action.Hide.class, name = "hide") })
public sealed interface Action {

	/** The kind's name, as {@code "do"} gives it. */
	default String kind() {
		return switch (this) {
			case Tag t -> "tag";
			case Assign a -> "assign";
			case SetPriority p -> "priority";
			case AutoReply r -> "auto-reply";
			case Hide h -> "hide";
		};
	}

	/** Adds these tags (in their kept form) to the item's conversation. */
	record Tag(List<String> tags) implements Action {

		public Tag {
			tags = List.copyOf(tags);
		}
	}

	/** Assigns the conversation to this member; skipped when they are no longer a member. */
	record Assign(UUID memberId) implements Action {
	}

	/** Sets the conversation's priority: {@code low}, {@code normal}, {@code high} or {@code urgent}. */
	record SetPriority(String priority) implements Action {
	}

	/**
	 * Answers with this saved reply, filled in for the item, through the channel; only the first item of a
	 * conversation, never the channel's own account, never a message answering one of our replies.
	 */
	record AutoReply(UUID savedReplyId) implements Action {
	}

	/** Hides the item on the network, where the network can. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Hide() implements Action {
	}
}
