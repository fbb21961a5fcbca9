package app.chorus.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ComposerFormTests {

	@Test
	void theThreadIsThePartsWithTextThenTheFirstComment() {
		ComposerForm form = form(List.of("Second", " ", "Third\r\nline"), "Comment");
		assertThat(form.thread()).containsExactly("Second", "Third\nline", "Comment");
		assertThat(form.parts()).as("a blank part stays on the page").hasSize(3);
	}

	@Test
	void theServicesPartNumbersPointAtTheBoxesTheyCameFrom() {
		ComposerForm form = form(List.of("", "Second", "", "Third"), "Comment");
		assertThat(form.partOf(0)).isEqualTo(1);
		assertThat(form.partOf(1)).isEqualTo(3);
		assertThat(form.partOf(2)).as("the first comment").isEqualTo(-1);
		assertThat(form.partOf(3)).isNull();
		assertThat(form(List.of("Only"), "").partOf(1)).isNull();
	}

	@Test
	void mediaKeepTheirOrderAndStrangeIdsAreLeftOut() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.addAll("mediaIds", List.of(second.toString(), "not an id", first.toString(), second.toString()));
		params.add("shortenLinks", "true");
		params.add("campaignId", "nonsense");
		ComposerForm form = ComposerForm.from(params);
		assertThat(form.mediaIds()).containsExactly(second, first);
		assertThat(form.shortenLinks()).isTrue();
		assertThat(form.campaignId()).isNull();
	}

	@Test
	void partsAreAddedAndRemovedOnlyWhenAsked() {
		ComposerForm form = form(List.of("a", "b"), "");
		assertThat(ComposerController.rearranged(form, "add-part")).get().extracting(ComposerForm::parts)
			.isEqualTo(List.of("a", "b", ""));
		assertThat(ComposerController.rearranged(form, "remove-part-0")).get().extracting(ComposerForm::parts)
			.isEqualTo(List.of("b"));
		assertThat(ComposerController.rearranged(form, "remove-part-9")).get().extracting(ComposerForm::parts)
			.isEqualTo(List.of("a", "b"));
		assertThat(ComposerController.rearranged(form, "publish")).isEmpty();
	}

	private static ComposerForm form(List<String> parts, String firstComment) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("text", "Message");
		params.addAll("thread", parts);
		params.add("firstComment", firstComment);
		return ComposerForm.from(params);
	}
}
