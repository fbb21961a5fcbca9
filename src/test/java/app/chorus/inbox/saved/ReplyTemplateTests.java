package app.chorus.inbox.saved;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTemplateTests {

	@Test
	void variablesAreFilledInAndFirstNameFallsBackToTheHandle() {
		String text = "Hi {first_name} ({name}, {handle}), {channel} here: {agent}.";
		assertThat(ReplyTemplate.render(text, new ReplyTemplate.Values("Ana María López", "ana.test", "Brand", "Kim")))
			.isEqualTo("Hi Ana (Ana María López, @ana.test), Brand here: Kim.");
		assertThat(ReplyTemplate.render(text, new ReplyTemplate.Values("  ", "ana.test", "Brand", "kim@example.com")))
			.isEqualTo("Hi ana.test (ana.test, @ana.test), Brand here: kim@example.com.");
		assertThat(ReplyTemplate.render("{handle}", new ReplyTemplate.Values(null, "@ana@mastodon.test", "B", "K")))
			.isEqualTo("@ana@mastodon.test");
	}

	@Test
	void valuesAreInsertedLiterallyAndOtherBracesStay() {
		assertThat(ReplyTemplate.render("{name} :-{) {", new ReplyTemplate.Values("$1 \\o/ {agent}", "x", "B", "K")))
			.isEqualTo("$1 \\o/ {agent} :-{) {");
	}

	@Test
	void unknownVariablesAreNamedOnceInOrder() {
		assertThat(ReplyTemplate.unknown("Hi {firstname}, {first_name} {Name} {firstname} {:-)}"))
			.containsExactly("firstname", "Name");
		assertThat(ReplyTemplate.unknown("Hi {first_name}, from {agent} at {channel}")).isEmpty();
	}
}
