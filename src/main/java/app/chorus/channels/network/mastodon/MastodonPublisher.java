package app.chorus.channels.network.mastodon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import app.chorus.channels.spi.ChannelSession;
import app.chorus.channels.spi.MediaItem;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.PublishResult;
import app.chorus.channels.spi.RemotePostRef;
import app.chorus.channels.spi.RuleViolation;

/**
 * Publishing a status: media first ({@code POST /api/v2/media}, then {@code GET /api/v1/media/:id} until processed),
 * then {@code POST /api/v1/statuses} with the {@code Idempotency-Key} header, which Mastodon remembers for an hour:
 * the same key within the hour returns the status already made instead of a second one.
 * <p>
 * Media still processing after {@link #MEDIA_WAIT_LIMIT} gives {@link PublishResult.TransientFailure}, not
 * {@link PublishResult.Pending}: no status exists yet, so there is nothing to poll. The retry uploads the media again
 * (the instance discards unattached uploads itself) and, with the same key, still makes at most one status.
 */
final class MastodonPublisher {

	/** {@link PostVariant#options()} keys this adapter reads. */
	static final String VISIBILITY = "visibility";
	static final String SPOILER_TEXT = "spoilerText";
	static final String SENSITIVE = "sensitive";
	/** Poll answers, one per line. */
	static final String POLL_OPTIONS = "pollOptions";
	/** How long the poll stays open, in seconds. */
	static final String POLL_EXPIRES_IN = "pollExpiresIn";
	static final String POLL_MULTIPLE = "pollMultiple";
	static final String POLL_HIDE_TOTALS = "pollHideTotals";

	static final List<String> VISIBILITIES = List.of("public", "unlisted", "private", "direct");

	/** Back-off between checks of media still processing: 1, 2, 4, 8, then 15 s, for a minute in all. */
	static final List<Duration> MEDIA_WAIT_STEPS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
			Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15));
	static final Duration MEDIA_WAIT_LIMIT = Duration.ofSeconds(60);

	/** Mastodon's rate-limit window, for a 429 that does not say when it ends. */
	private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofMinutes(5);
	private static final Set<String> TRUE = Set.of("true", "yes", "1", "on");

	private final MastodonClient client;
	private final Clock clock;
	private final Pause pause;

	MastodonPublisher(MastodonClient client, Clock clock, Pause pause) {
		this.client = client;
		this.clock = clock;
		this.pause = pause;
	}

	/** Never throws: every outcome, including an instance that cannot be reached, is a {@link PublishResult}. */
	PublishResult publish(ChannelSession session, PostVariant variant, String idempotencyKey) {
		try {
			return publishOrFail(session, variant, idempotencyKey);
		}
		catch (InstanceUnreachable ex) {
			return new PublishResult.TransientFailure(ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new PublishResult.TransientFailure("interrupted while waiting for media processing");
		}
		catch (RuntimeException ex) {
			return new PublishResult.TransientFailure("publishing failed: " + ex);
		}
	}

	private PublishResult publishOrFail(ChannelSession session, PostVariant variant, String idempotencyKey)
			throws InterruptedException {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		List<RuleViolation> violations = describe(session, variant, form);
		if (!violations.isEmpty()) {
			return new PublishResult.Rejected(violations);
		}
		for (int index = 0; index < variant.media().size(); index++) {
			Upload upload = upload(session, variant.media().get(index), index);
			if (upload instanceof Upload.Failed failed) {
				return failed.result();
			}
			form.add("media_ids[]", ((Upload.Done) upload).mediaId());
		}
		MastodonClient.Answer answer = client.postForm(MastodonClient.uri(session.endpoint(), "/api/v1/statuses"),
				session.credentials().accessToken(), form, Map.of("Idempotency-Key", idempotencyKey));
		return statusResult(answer, session, variant);
	}

	/** The status form from the variant; what the options say wrongly is returned instead. */
	private static List<RuleViolation> describe(ChannelSession session, PostVariant variant,
			MultiValueMap<String, String> form) {
		List<RuleViolation> violations = new ArrayList<>();
		Map<String, String> options = variant.options();
		if (!variant.text().isEmpty()) {
			form.add("status", variant.text());
		}
		String visibility = options.getOrDefault(VISIBILITY, "public").strip().toLowerCase(Locale.ROOT);
		if (!VISIBILITIES.contains(visibility)) {
			violations.add(MastodonRejections.violation(VISIBILITY, MastodonRejections.OPTION_INVALID,
					String.join(", ", VISIBILITIES), visibility));
		}
		form.add("visibility", visibility);
		String spoiler = options.get(SPOILER_TEXT);
		if (spoiler != null && !spoiler.isBlank()) {
			form.add("spoiler_text", spoiler);
		}
		if (isTrue(options.get(SENSITIVE))) {
			form.add("sensitive", "true");
		}
		if (variant.language() != null && !variant.language().isBlank()) {
			form.add("language", variant.language());
		}
		if (variant.replyTo() != null) {
			form.add("in_reply_to_id", variant.replyTo().id());
		}
		if (variant.quoteOf() != null) {
			if (!InstanceSettings.supportsQuotes(session.settings())) {
				violations.add(MastodonRejections.violation("quoteOf", MastodonRejections.QUOTE_UNSUPPORTED,
						"Mastodon 4.5", "Mastodon API version "
								+ InstanceSettings.intSetting(session.settings(), InstanceSettings.MASTODON_API_VERSION, 0)));
			}
			form.add("quoted_status_id", variant.quoteOf().id());
		}
		describePoll(options, form, violations);
		return violations;
	}

	private static void describePoll(Map<String, String> options, MultiValueMap<String, String> form,
			List<RuleViolation> violations) {
		String answers = options.get(POLL_OPTIONS);
		if (answers == null || answers.isBlank()) {
			return;
		}
		Arrays.stream(answers.split("\\R")).map(String::strip).filter(answer -> !answer.isEmpty())
			.forEach(answer -> form.add("poll[options][]", answer));
		String expiresIn = options.get(POLL_EXPIRES_IN);
		if (expiresIn == null || expiresIn.isBlank()) {
			violations.add(MastodonRejections.violation("poll", MastodonRejections.POLL_EXPIRY_MISSING, "", ""));
			return;
		}
		try {
			long seconds = Long.parseLong(expiresIn.strip());
			if (seconds <= 0) {
				throw new NumberFormatException("not positive");
			}
			form.add("poll[expires_in]", Long.toString(seconds));
		}
		catch (NumberFormatException ex) {
			violations.add(MastodonRejections.violation(POLL_EXPIRES_IN, MastodonRejections.OPTION_INVALID,
					"seconds", expiresIn));
		}
		if (isTrue(options.get(POLL_MULTIPLE))) {
			form.add("poll[multiple]", "true");
		}
		if (isTrue(options.get(POLL_HIDE_TOTALS))) {
			form.add("poll[hide_totals]", "true");
		}
	}

	private Upload upload(ChannelSession session, MediaItem media, int index) throws InterruptedException {
		byte[] bytes = media.bytes().get();
		String filename = "media-" + (index + 1) + extension(media.mimeType());
		HttpHeaders fileHeaders = new HttpHeaders();
		fileHeaders.setContentType(MediaType.parseMediaType(media.mimeType()));
		fileHeaders.setContentDispositionFormData("file", filename);
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new HttpEntity<>(new ByteArrayResource(bytes), fileHeaders));
		if (!media.altText().isBlank()) {
			body.add("description", media.altText());
		}
		String token = session.credentials().accessToken();
		MastodonClient.Answer answer = client.postMultipart(MastodonClient.uri(session.endpoint(), "/api/v2/media"),
				token, body);
		if (answer.status() == 200 || answer.status() == 201) {
			return new Upload.Done(MastodonJson.read(answer.body(), MastodonMediaAttachment.class).id());
		}
		if (answer.status() == 202) {
			String id = MastodonJson.read(answer.body(), MastodonMediaAttachment.class).id();
			return awaitProcessing(session, id, index);
		}
		return new Upload.Failed(mediaFailure(answer, index));
	}

	/** Polls {@code GET /api/v1/media/:id}: 206 while processing, 200 with a {@code url} when done. */
	private Upload awaitProcessing(ChannelSession session, String mediaId, int index) throws InterruptedException {
		Duration waited = Duration.ZERO;
		for (int attempt = 0;; attempt++) {
			Duration step = MEDIA_WAIT_STEPS.get(Math.min(attempt, MEDIA_WAIT_STEPS.size() - 1));
			if (waited.plus(step).compareTo(MEDIA_WAIT_LIMIT) > 0) {
				return new Upload.Failed(new PublishResult.TransientFailure("media " + (index + 1)
						+ " is still being processed by the instance after " + waited.toSeconds() + " s"));
			}
			pause.sleep(step);
			waited = waited.plus(step);
			MastodonClient.Answer answer = client.get(MastodonClient.uri(session.endpoint(), "/api/v1/media/{id}",
					Map.of("id", mediaId), new LinkedMultiValueMap<>()), session.credentials().accessToken());
			if (answer.status() == 206) {
				continue;
			}
			if (answer.status() == 200) {
				if (MastodonJson.read(answer.body(), MastodonMediaAttachment.class).url() != null) {
					return new Upload.Done(mediaId);
				}
				continue;
			}
			if (answer.status() == 404) {
				return new Upload.Failed(new PublishResult.TransientFailure(
						"media " + (index + 1) + " disappeared while the instance processed it"));
			}
			return new Upload.Failed(mediaFailure(answer, index));
		}
	}

	private PublishResult mediaFailure(MastodonClient.Answer answer, int index) {
		String message = MastodonJson.errorText(answer.body(), answer.status());
		return switch (answer.status()) {
			case 401, 403 -> new PublishResult.ReauthorizationRequired(message);
			case 413, 415, 422 -> new PublishResult.Rejected(MastodonRejections.refusedMedia(index, message));
			case 429 -> new PublishResult.RateLimited(retryAt(answer));
			default -> new PublishResult.TransientFailure("media " + (index + 1) + ": " + message);
		};
	}

	private PublishResult statusResult(MastodonClient.Answer answer, ChannelSession session, PostVariant variant) {
		String message = MastodonJson.errorText(answer.body(), answer.status());
		if (answer.successful()) {
			try {
				MastodonStatus status = MastodonJson.read(answer.body(), MastodonStatus.class);
				Instant createdAt = status.createdAt() != null ? status.createdAt() : clock.instant();
				return new PublishResult.Published(RemotePostRef.of(status.id()), status.link(), createdAt);
			}
			catch (MastodonJson.MalformedAnswer ex) {
				return new PublishResult.TransientFailure("the instance accepted the status but its answer could not"
						+ " be read; the same idempotency key returns it: " + ex.getMessage());
			}
		}
		return switch (answer.status()) {
			case 401, 403 -> new PublishResult.ReauthorizationRequired(message);
			case 404 -> new PublishResult.Rejected(List.of(MastodonRejections.violation(targetField(variant),
					MastodonRejections.TARGET_GONE, "", message)));
			case 422 -> new PublishResult.Rejected(MastodonRejections.refusedStatus(message, session.settings()));
			case 429 -> new PublishResult.RateLimited(retryAt(answer));
			case 408 -> new PublishResult.TransientFailure(message);
			default -> answer.status() >= 500 || answer.status() < 400 ? new PublishResult.TransientFailure(message)
					: new PublishResult.Rejected(List.of(
							MastodonRejections.violation("post", MastodonRejections.REFUSED, "", message)));
		};
	}

	private static String targetField(PostVariant variant) {
		if (variant.replyTo() != null) {
			return "replyTo";
		}
		return variant.quoteOf() != null ? "quoteOf" : "post";
	}

	/** {@code X-RateLimit-Reset} is an ISO 8601 timestamp; without it, Mastodon's five-minute window. */
	Instant retryAt(MastodonClient.Answer answer) {
		String reset = answer.header("X-RateLimit-Reset");
		if (reset != null && !reset.isBlank()) {
			try {
				return Instant.parse(reset.strip());
			}
			catch (DateTimeParseException ex) {
				try {
					return OffsetDateTime.parse(reset.strip()).toInstant();
				}
				catch (DateTimeParseException unreadable) {
					// an unreadable reset time: wait the whole window rather than guess
				}
			}
		}
		return clock.instant().plus(DEFAULT_RATE_LIMIT_WAIT);
	}

	private static boolean isTrue(@Nullable String option) {
		return option != null && TRUE.contains(option.strip().toLowerCase(Locale.ROOT));
	}

	private static String extension(String mimeType) {
		return switch (mimeType.toLowerCase(Locale.ROOT)) {
			case "image/jpeg" -> ".jpg";
			case "image/png" -> ".png";
			case "image/gif" -> ".gif";
			case "image/webp" -> ".webp";
			case "image/heic" -> ".heic";
			case "image/avif" -> ".avif";
			case "video/mp4" -> ".mp4";
			case "video/quicktime" -> ".mov";
			case "video/webm" -> ".webm";
			case "audio/mpeg" -> ".mp3";
			default -> "";
		};
	}

	/** One attachment's upload: its id, or the result the whole publish ends with. */
	private sealed interface Upload {

		record Done(String mediaId) implements Upload {
		}

		record Failed(PublishResult result) implements Upload {
		}
	}
}
