package app.chorus.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Role;

/** What an upload is refused for before anything is stored. */
class MediaServiceLimitsTests {

	// nothing past the checks is reached, so the collaborators the service would store with are absent
	final MediaService media = new MediaService(null, null, null, null, null, Clock.systemUTC(),
			DataSize.ofMegabytes(1), 1_000_000);

	final Membership contributor = new Membership(WorkspaceId.next(), "w", UserId.next(), Role.CONTRIBUTOR);

	@Test
	void anUploadPastTheLimitIsRefusedAsTooLargeNamingTheFile() {
		byte[] upload = new byte[(int) DataSize.ofMegabytes(1).toBytes() + 1];
		ChorusException refused = catchThrowableOfType(ChorusException.class,
				() -> media.upload(contributor, AuditActor.system(), new ByteArrayInputStream(upload), "big.mp4", ""));
		assertThat(refused.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(refused.field()).isEqualTo("file");
		assertThat(refused.messageKey()).isEqualTo("media.file.too-large");
		assertThat(refused.arguments()).containsExactly("1 MB");
	}

	@Test
	void theLimitReadsAsPeopleWriteIt() {
		assertThat(MediaService.label(DataSize.ofMegabytes(512))).isEqualTo("512 MB");
		assertThat(MediaService.label(DataSize.ofMegabytes(1536))).isEqualTo("1.5 GB");
		assertThat(MediaService.label(DataSize.ofGigabytes(2))).isEqualTo("2 GB");
		assertThat(MediaService.label(DataSize.ofKilobytes(800))).isEqualTo("800 KB");
		assertThat(MediaService.label(DataSize.ofBytes(100))).isEqualTo("1 KB");
	}

	@Test
	void altTextLongerThanAnyNetworkTakesIsRefused() {
		ChorusException refused = catchThrowableOfType(ChorusException.class,
				() -> media.upload(contributor, AuditActor.system(), new ByteArrayInputStream(new byte[] { 1 }),
						"a.png", "x".repeat(MediaService.MAX_ALT_TEXT + 1)));
		assertThat(refused.field()).isEqualTo("altText");
	}

	@Test
	void viewersMayNotUpload() {
		Membership viewer = new Membership(WorkspaceId.next(), "w", UserId.next(), Role.VIEWER);
		ChorusException refused = catchThrowableOfType(ChorusException.class,
				() -> media.upload(viewer, AuditActor.system(), new ByteArrayInputStream(new byte[] { 1 }), "a.png",
						null));
		assertThat(refused.status()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void onlyTheLastPartOfABrowsersFileNameIsKept() {
		assertThat(MediaService.name("C:\\Users\\ana\\Pictures\\launch.jpg")).isEqualTo("launch.jpg");
		assertThat(MediaService.name("../../etc/passwd")).isEqualTo("passwd");
		assertThat(MediaService.name("bad\u0000name\n.png")).isEqualTo("badname.png");
		assertThat(MediaService.name(null)).isEmpty();
	}
}
