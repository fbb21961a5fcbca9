package app.chorus.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import app.chorus.channels.spi.InboxReading.InboxEvent;
import app.chorus.channels.spi.InboxReading.Kind;
import app.chorus.channels.spi.RemotePostRef;

/** Which conversation a message joins. */
class ConversationKeyTests {

	private static InboxEvent event(Kind kind, String id, @Nullable RemotePostRef post,
			@Nullable RemotePostRef subject) {
		return new InboxEvent(id, kind, "author-1", "someone@example.social", null, "text", "https://example/" + id,
				Instant.parse("2026-03-01T10:00:00Z"), post, subject);
	}

	@Test
	void aReplyInABlueskyThreadJoinsTheThreadOfItsRoot() {
		RemotePostRef post = new RemotePostRef("at://bob/post/r2", "c", "at://us/post/root", "rc");
		RemotePostRef subject = new RemotePostRef("at://us/post/reply", "c", "at://us/post/root", "rc");
		assertThat(ConversationKey.of(event(Kind.REPLY, "r2", post, subject)))
			.isEqualTo(new ConversationKey("thread", "at://us/post/root"));
	}

	@Test
	void aMastodonReplyJoinsTheThreadOfTheStatusItAnswersAndAQuoteTheThreadOfWhatItQuotes() {
		assertThat(ConversationKey.of(event(Kind.REPLY, "9", RemotePostRef.of("9"), RemotePostRef.of("5"))))
			.isEqualTo(new ConversationKey("thread", "5"));
		assertThat(ConversationKey.of(event(Kind.QUOTE, "10", new RemotePostRef("10", null, "77", null),
				RemotePostRef.of("5")))).isEqualTo(new ConversationKey("thread", "5"));
	}

	@Test
	void mentionsJoinTheirThreadOrStandAloneAndRepliesToNothingOfOursAreMentions() {
		assertThat(ConversationKey.of(event(Kind.MENTION, "m1", RemotePostRef.of("m1"), null)))
			.isEqualTo(new ConversationKey("mention", "m1"));
		assertThat(ConversationKey.of(event(Kind.MENTION, "m2", new RemotePostRef("m2", null, "x", null), null)))
			.isEqualTo(new ConversationKey("mention", "x"));
		assertThat(ConversationKey.of(event(Kind.REPLY, "r9", RemotePostRef.of("r9"), null)))
			.isEqualTo(new ConversationKey("mention", "r9"));
	}

	@Test
	void directMessagesJoinTheConversationWithTheirAuthor() {
		assertThat(ConversationKey.of(event(Kind.DM, "d1", RemotePostRef.of("d1"), null)))
			.isEqualTo(new ConversationKey("dm", "author-1"));
		assertThat(ConversationKey.of(event(Kind.DM, "d2", RemotePostRef.of("d2"), RemotePostRef.of("d1"))))
			.isEqualTo(new ConversationKey("dm", "author-1"));
	}
}
