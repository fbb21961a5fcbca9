package app.chorus.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.chorus.shared.web.ChorusException;

class ConversationTagsTests {

	@Test
	void tagsAreTrimmedFoldedAndKeptOnceInOrder() {
		assertThat(ConversationTags.of(List.of(" VIP ", "ｖｉｐ", "Needs\t reply", "환불"), "tags", false))
			.containsExactly("vip", "needs reply", "환불");
		assertThat(ConversationTags.of(null, "tags", false)).isEmpty();
	}

	@Test
	void blankLongAndTooManyTagsAreRefusedNamingTheField() {
		assertThatThrownBy(() -> ConversationTags.of(List.of("ok", " "), "actions[0].tags", true))
			.isInstanceOfSatisfying(ChorusException.class,
					e -> assertThat(e.problems().getFirst().field()).isEqualTo("actions[0].tags[1]"));
		assertThatThrownBy(() -> ConversationTags.of(List.of("x".repeat(51)), "tags", false))
			.isInstanceOfSatisfying(ChorusException.class,
					e -> assertThat(e.messageKey()).isEqualTo("inbox.tag.too-long"));
		assertThat(ConversationTags.of(List.of("x".repeat(50)), "tags", false)).hasSize(1);
		assertThatThrownBy(() -> ConversationTags.of(IntStream.range(0, 21).mapToObj(i -> "tag" + i).toList(),
				"tags", false))
			.isInstanceOfSatisfying(ChorusException.class, e -> assertThat(e.field()).isEqualTo("tags"));
		assertThatThrownBy(() -> ConversationTags.of(List.of(), "tags", true))
			.isInstanceOfSatisfying(ChorusException.class,
					e -> assertThat(e.messageKey()).isEqualTo("inbox.tag.required"));
	}
}
