package app.chorus.channels.spi;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import app.chorus.channels.spi.WebhookReceiving.WebhookRejected;
import app.chorus.channels.spi.WebhookReceiving.WebhookRejected.Reason;

/**
 * Checking an HMAC-SHA256 signature over a webhook body, as networks send it in a header ({@code sha256=<hex>}, as
 * Meta's {@code X-Hub-Signature-256}). The comparison takes the same time whatever the input, so it leaks nothing.
 */
public final class WebhookSignatures {

	private static final String PREFIX = "sha256=";

	private WebhookSignatures() {
	}

	/**
	 * @param header the signature header's value, {@code null} when the delivery had none
	 * @throws WebhookRejected {@code UNSIGNED} without a signature, {@code BAD_SIGNATURE} when it does not match
	 */
	public static void requireHmacSha256(@Nullable String header, byte[] body, String secret) {
		if (header == null || header.isBlank()) {
			throw new WebhookRejected(Reason.UNSIGNED, "the delivery carries no signature");
		}
		String value = header.strip();
		if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			throw new WebhookRejected(Reason.BAD_SIGNATURE, "the signature is not an HMAC-SHA256 one");
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(value.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException e) {
			throw new WebhookRejected(Reason.BAD_SIGNATURE, "the signature is not hexadecimal");
		}
		if (!MessageDigest.isEqual(given, hmacSha256(secret, body))) {
			throw new WebhookRejected(Reason.BAD_SIGNATURE, "the signature does not match the body");
		}
	}

	static byte[] hmacSha256(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HMAC-SHA256 is not available", e);
		}
	}
}
