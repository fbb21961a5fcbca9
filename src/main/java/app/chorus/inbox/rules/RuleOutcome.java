package app.chorus.inbox.rules;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What became of one action of a rule applied to one item.
 * @param action the action's kind ({@code tag}, {@code auto-reply}, ...)
 * @param result {@code applied}; {@code skipped} or {@code failed}, with the reason; {@code pending} while its network
 * call is still to be made; {@code unconfirmed} when a call was under way when Chorus stopped and its outcome is
 * unknown (it is not made again blindly)
 * @param reason why it was skipped or failed, a stable key ({@code member-left}, {@code network-cannot-hide},
 * {@code reply-failed}); {@code detail} says more where there is more (the network's error)
 * @param savedReplyId for an automatic reply, the saved reply it uses
 * @param replyId for an automatic reply, the id its reply has (or will have) in the conversation
 */
record RuleOutcome(String action, String result, @Nullable String reason, @Nullable String detail,
		@Nullable UUID savedReplyId, @Nullable UUID replyId) {

	static final String APPLIED = "applied";
	static final String SKIPPED = "skipped";
	static final String FAILED = "failed";
	static final String PENDING = "pending";
	static final String UNCONFIRMED = "unconfirmed";

	static RuleOutcome applied(String action) {
		return new RuleOutcome(action, APPLIED, null, null, null, null);
	}

	static RuleOutcome skipped(String action, String reason) {
		return new RuleOutcome(action, SKIPPED, reason, null, null, null);
	}

	static RuleOutcome pending(String action, @Nullable UUID savedReplyId, @Nullable UUID replyId) {
		return new RuleOutcome(action, PENDING, null, null, savedReplyId, replyId);
	}

	RuleOutcome settled(String result, @Nullable String reason, @Nullable String detail) {
		return new RuleOutcome(action, result, reason, detail, savedReplyId, replyId);
	}

	/** As the audit trail and people read it: {@code assign: skipped (member-left)}. */
	String summary() {
		return action + ": " + result + (reason == null ? "" : " (" + reason + ")");
	}

	boolean pending() {
		return PENDING.equals(result);
	}
}
