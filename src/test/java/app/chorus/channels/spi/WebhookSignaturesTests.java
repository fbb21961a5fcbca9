package app.chorus.channels.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import app.chorus.channels.spi.WebhookReceiving.WebhookRejected;

class WebhookSignaturesTests {

	private final byte[] body = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

	@Test
	void aMatchingSignatureIsAccepted() {
		String header = "sha256=" + HexFormat.of().formatHex(WebhookSignatures.hmacSha256("app-secret", body));
		assertThatCode(() -> WebhookSignatures.requireHmacSha256(header, body, "app-secret")).doesNotThrowAnyException();
		assertThatCode(() -> WebhookSignatures.requireHmacSha256(header.toUpperCase().replace("SHA256=", "sha256="),
				body, "app-secret")).doesNotThrowAnyException();
	}

	@Test
	void knownVectorFromRfc4231() {
		// RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
		assertThat(HexFormat.of().formatHex(WebhookSignatures.hmacSha256("Jefe",
				"what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void missingWrongOrMalformedSignaturesAreRefusedWithTheirReason() {
		assertThat(reason(null)).isEqualTo(WebhookRejected.Reason.UNSIGNED);
		assertThat(reason(" ")).isEqualTo(WebhookRejected.Reason.UNSIGNED);
		assertThat(reason("sha1=abcd")).isEqualTo(WebhookRejected.Reason.BAD_SIGNATURE);
		assertThat(reason("sha256=not-hex")).isEqualTo(WebhookRejected.Reason.BAD_SIGNATURE);
		String other = "sha256=" + HexFormat.of().formatHex(WebhookSignatures.hmacSha256("another-secret", body));
		assertThat(reason(other)).isEqualTo(WebhookRejected.Reason.BAD_SIGNATURE);
	}

	private WebhookRejected.Reason reason(String header) {
		try {
			WebhookSignatures.requireHmacSha256(header, body, "app-secret");
		}
		catch (WebhookRejected e) {
			return e.reason();
		}
		throw new AssertionError("accepted " + header);
	}

	@Test
	void aTamperedBodyFails() {
		String header = "sha256=" + HexFormat.of().formatHex(WebhookSignatures.hmacSha256("app-secret", body));
		byte[] tampered = "{\"object\":\"page\",\"entry\":[1]}".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> WebhookSignatures.requireHmacSha256(header, tampered, "app-secret"))
			.isInstanceOf(WebhookRejected.class);
	}
}
