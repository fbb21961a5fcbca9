package app.chorus.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpTests {

	// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
	private static final String RFC_SECRET = new Base32()
		.encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII)).replace("=", "");

	@Test
	void matchesTheRfc6238TestVectors() {
		// The RFC lists 8-digit codes; authenticator apps show the last six.
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
	}

	@Test
	void acceptsOneStepOfDriftEitherWayAndNoMore() {
		String secret = Totp.newSecret();
		Instant now = Instant.ofEpochSecond(1_800_000_000L);
		long step = now.getEpochSecond() / 30;
		assertThat(Totp.matchingStep(secret, Totp.code(secret, now), now)).isEqualTo(step);
		assertThat(Totp.matchingStep(secret, Totp.code(secret, now.minusSeconds(30)), now)).isEqualTo(step - 1);
		assertThat(Totp.matchingStep(secret, Totp.code(secret, now.plusSeconds(30)), now)).isEqualTo(step + 1);
		assertThat(Totp.matchingStep(secret, Totp.code(secret, now.minusSeconds(90)), now)).isEqualTo(-1);
	}

	@Test
	void refusesWhatIsNotSixDigits() {
		String secret = Totp.newSecret();
		Instant now = Instant.now();
		assertThat(Totp.matchingStep(secret, "", now)).isEqualTo(-1);
		assertThat(Totp.matchingStep(secret, "12345", now)).isEqualTo(-1);
		assertThat(Totp.matchingStep(secret, "abcdef", now)).isEqualTo(-1);
		String code = Totp.code(secret, now);
		assertThat(Totp.matchingStep(secret, code.substring(0, 3) + " " + code.substring(3), now)).isPositive();
	}

	@Test
	void secretsAreBase32OfTwentyBytes() {
		String secret = Totp.newSecret();
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(new Base32().decode(secret)).hasSize(20);
	}
}
