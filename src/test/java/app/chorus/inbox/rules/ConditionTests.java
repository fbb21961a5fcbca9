package app.chorus.inbox.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ConditionTests {

	static final UUID CHANNEL = UUID.fromString("01900000-0000-7000-8000-000000000001");

	private static RuleSubject item(String text) {
		return new RuleSubject(CHANNEL, "bluesky", "reply", text, "en", "negative", "bob.test");
	}

	@Test
	void keywordsMatchAnyOrEveryWord() {
		Condition any = new Condition.Keywords(List.of("refund", "money back"), false);
		Condition every = new Condition.Keywords(List.of("refund", "money back"), true);
		assertThat(any.test(item("I want a refund"))).isTrue();
		assertThat(every.test(item("I want a refund"))).isFalse();
		assertThat(every.test(item("Refund! Money back now"))).isTrue();
		assertThat(any.test(item("refunds are slow"))).isFalse();
		assertThat(new Condition.Keywords(List.of("refund*"), false).test(item("refunds are slow"))).isTrue();
	}

	@Test
	void aKeywordConditionNeedsAKeyword() {
		assertThatThrownBy(() -> new Condition.Keywords(List.of(" ", "*"), false))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void authorsMatchWithOrWithoutAnAt() {
		assertThat(new Condition.Authors(List.of("@Bob.Test")).test(item("hi"))).isTrue();
		assertThat(new Condition.Authors(List.of("bob.test")).test(
				new RuleSubject(CHANNEL, "bluesky", "reply", "hi", null, null, "@bob.test"))).isTrue();
		assertThat(new Condition.Authors(List.of("alice.test")).test(item("hi"))).isFalse();
	}

	@Test
	void channelNetworkTypeLanguageAndSentimentCompareWithoutCase() {
		assertThat(new Condition.Channels(List.of(CHANNEL)).test(item("x"))).isTrue();
		assertThat(new Condition.Channels(List.of(UUID.randomUUID())).test(item("x"))).isFalse();
		assertThat(new Condition.Networks(List.of("Bluesky")).test(item("x"))).isTrue();
		assertThat(new Condition.Networks(List.of("mastodon")).test(item("x"))).isFalse();
		assertThat(new Condition.Types(List.of("REPLY", "dm")).test(item("x"))).isTrue();
		assertThat(new Condition.Languages(List.of("EN")).test(item("x"))).isTrue();
		assertThat(new Condition.Sentiments(List.of("positive")).test(item("x"))).isFalse();
		RuleSubject unclassified = new RuleSubject(CHANNEL, "bluesky", "dm", "x", null, null, "bob.test");
		assertThat(new Condition.Languages(List.of("en")).test(unclassified)).isFalse();
		assertThat(new Condition.Sentiments(List.of("negative")).test(unclassified)).isFalse();
	}

	@Test
	void conditionsReadBackFromJsonAsTheyWereWrittenNamedByOn() {
		JsonMapper json = JsonMapper.builder().build();
		List<Condition> written = List.of(new Condition.Keywords(List.of("Refund*", "money back"), true),
				new Condition.Languages(List.of("en", "da")), new Condition.Channels(List.of(CHANNEL)));
		String text = json.writeValueAsString(written.toArray(Condition[]::new));
		assertThat(text).contains("\"on\":\"keywords\"").contains("\"words\":[\"refund*\",\"money back\"]")
			.contains("\"on\":\"language\"").contains("\"codes\":[\"en\",\"da\"]");
		assertThat(List.of(json.readValue(text, Condition[].class))).isEqualTo(written);
	}
}
