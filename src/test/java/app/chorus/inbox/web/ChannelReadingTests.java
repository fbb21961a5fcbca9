package app.chorus.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import app.chorus.inbox.internal.InboxService.ChannelIngestion;

/** The inbox page's summary of how reading the channels stands, in English. */
class ChannelReadingTests {

	private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("messages", Locale.ROOT);

	private static final BiFunction<String, Object[], String> MESSAGE = (key, arguments) -> arguments.length == 0
			? ENGLISH.getString(key) : new MessageFormat(ENGLISH.getString(key), Locale.ENGLISH).format(arguments);

	private static ChannelIngestion channel(String status, @Nullable Long lagSeconds) {
		return new ChannelIngestion(UUID.randomUUID(), "Brand", "bluesky", status, null, null, null, null, null, 0,
				null, 0, lagSeconds, null);
	}

	@Test
	void aChannelNoReadHasGotThroughForIsWaitingNotReadNullAgo() {
		ChannelReading.Summary summary = ChannelReading.Summary.of(List.of(channel("waiting", null)), MESSAGE);

		assertThat(summary.channels().getFirst().ago()).isNull();
		assertThat(summary.text()).isEqualTo("Chorus has not read these channels yet.");
		assertThat(summary.trouble()).isFalse();
	}

	@Test
	void theSummaryCountsOnlyChannelsThatCanBeReadAndRoundsTheOldestReadUp() {
		ChannelReading.Summary all = ChannelReading.Summary.of(List.of(channel("ok", 119L), channel("ok", 5L),
				channel("unsupported", null)), MESSAGE);
		assertThat(all.text()).isEqualTo("All 2 channels were read within the last 2 minutes.");
		assertThat(all.channels().getFirst().ago()).isEqualTo("1 minute");

		ChannelReading.Summary partly = ChannelReading.Summary.of(List.of(channel("ok", 30L), channel("waiting", null),
				channel("unsupported", null)), MESSAGE);
		assertThat(partly.text())
			.isEqualTo("1 of 2 channels were read within the last 30 seconds; the others have not been read yet.");

		assertThat(ChannelReading.Summary.of(List.of(channel("unsupported", null)), MESSAGE).text())
			.isEqualTo("Chorus cannot read the messages of these channels' networks.");
	}

	@Test
	void aFailingChannelOrOneThatNeedsReauthorisationIsTrouble() {
		ChannelReading.Summary summary = ChannelReading.Summary.of(List.of(channel("failing", 7200L),
				channel("needs_reauthorization", null), channel("ok", 3L)), MESSAGE);

		assertThat(summary.trouble()).isTrue();
		assertThat(summary.text()).startsWith("2 channels are not being read");
		assertThat(summary.channels().getFirst().ago()).isEqualTo("2 hours");
	}
}
