package app.chorus.publishing.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import app.chorus.channels.spi.NetworkKey;

class CsvPostsTests {

	private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

	@Test
	void rowsAreReadWithTheirLinesZonesAndNetworkTexts() {
		CsvPosts.Parsed parsed = parse("""
				\uFEFFchannels,text,scheduled_at,time_zone,text_bluesky
				brand.test; @other.test ,"Two lines,
				with a comma",2026-12-01 09:30,Europe/Copenhagen,Short for Bluesky
				brand.test,Draft,,,
				brand.test,Seoul time,2026-12-01T09:30,,
				brand.test,With offset,2026-12-01T09:30:00+05:45,,
				""");
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.rows()).hasSize(4);
		CsvPosts.Row first = parsed.rows().get(0);
		assertThat(first.line()).isEqualTo(2);
		assertThat(first.channels()).containsExactly("brand.test", "@other.test");
		assertThat(first.text()).isEqualTo("Two lines,\nwith a comma");
		assertThat(first.scheduledAt()).isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
		assertThat(first.networkTexts()).containsEntry(NetworkKey.BLUESKY, "Short for Bluesky");
		assertThat(parsed.rows().get(1).line()).as("the quoted field spans two lines").isEqualTo(4);
		assertThat(parsed.rows().get(1).scheduledAt()).isNull();
		assertThat(parsed.rows().get(2).scheduledAt()).isEqualTo(Instant.parse("2026-12-01T00:30:00Z"));
		assertThat(parsed.rows().get(3).scheduledAt()).isEqualTo(Instant.parse("2026-12-01T03:45:00Z"));
	}

	@Test
	void eachBadRowIsReportedWithItsLineAndColumn() {
		CsvPosts.Parsed parsed = parse("""
				channels,text,scheduled_at,time_zone
				brand.test,fine,2026-12-01 09:30,
				,no channel,,
				brand.test,bad time,next tuesday,
				brand.test,bad zone,2026-12-01 09:30,Mars/Olympus
				brand.test,too,many,fields,here
				""");
		assertThat(parsed.rows()).hasSize(1);
		assertThat(parsed.problems()).extracting(CsvPosts.Problem::line, CsvPosts.Problem::column,
				CsvPosts.Problem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "channels", "import.row.channels-missing"),
					org.assertj.core.groups.Tuple.tuple(4, "scheduled_at", "import.row.time"),
					org.assertj.core.groups.Tuple.tuple(5, "time_zone", "import.row.zone"),
					org.assertj.core.groups.Tuple.tuple(6, null, "import.row.columns"));
	}

	@Test
	void aBadHeaderOrEncodingStopsAtLineOne() {
		assertThat(parse("text,when\nhello,now\n").problems()).extracting(CsvPosts.Problem::messageKey)
			.contains("import.column.missing", "import.column.unknown");
		byte[] latin1 = "channels,text\nbrand.test,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(CsvPosts.parse(latin1, SEOUL).problems()).extracting(CsvPosts.Problem::messageKey)
			.containsExactly("import.file.not-utf8");
		assertThat(parse("channels,text\n").problems()).extracting(CsvPosts.Problem::messageKey)
			.containsExactly("import.file.empty");
	}

	@Test
	void koreanNepaliAndEmojiTextArriveIntact() {
		CsvPosts.Parsed parsed = parse("channels,text\nbrand.test,\"봄 세일 🌸 वसन्त बिक्री\"\n");
		assertThat(parsed.rows().getFirst().text()).isEqualTo("봄 세일 🌸 वसन्त बिक्री");
	}

	private static CsvPosts.Parsed parse(String csv) {
		return CsvPosts.parse(csv.getBytes(StandardCharsets.UTF_8), SEOUL);
	}
}
