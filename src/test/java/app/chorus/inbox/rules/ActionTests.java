package app.chorus.inbox.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ActionTests {

	@Test
	void actionsReadBackFromJsonNamedByDo() {
		JsonMapper json = JsonMapper.builder().build();
		UUID member = UUID.fromString("01900000-0000-7000-8000-000000000002");
		Action[] written = { new Action.Tag(List.of("refund")), new Action.Assign(member),
				new Action.SetPriority("high"), new Action.AutoReply(member), new Action.Hide() };
		String text = json.writerFor(Action[].class).writeValueAsString(written);
		assertThat(text).contains("{\"do\":\"hide\"}").contains("\"do\":\"auto-reply\"")
			.contains("\"do\":\"priority\",\"priority\":\"high\"");
		assertThat(json.readValue(text, Action[].class)).containsExactly(written);
		assertThat(List.of(written).stream().map(Action::kind))
			.containsExactly("tag", "assign", "priority", "auto-reply", "hide");
	}
}
