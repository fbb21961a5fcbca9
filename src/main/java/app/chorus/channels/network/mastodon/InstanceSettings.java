package app.chorus.channels.network.mastodon;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The per-channel settings the adapter writes when a channel connects: the instance's own limits, read from
 * {@code configuration} in the Instance entity. Keys are written only for values the instance reported, so a reader
 * falls back to Mastodon's defaults for the rest. Values are decimal strings; {@link #SUPPORTED_MIME_TYPES} is
 * comma-separated.
 */
final class InstanceSettings {

	/** {@code configuration.statuses.max_characters}. */
	static final String MAX_CHARACTERS = "max_characters";
	/** {@code configuration.statuses.characters_reserved_per_url}: every URL counts as this many characters. */
	static final String CHARACTERS_RESERVED_PER_URL = "characters_reserved_per_url";
	/** {@code configuration.statuses.max_media_attachments}. */
	static final String MAX_MEDIA_ATTACHMENTS = "max_media_attachments";
	/** {@code configuration.media_attachments.image_size_limit}, bytes. */
	static final String IMAGE_SIZE_LIMIT = "image_size_limit";
	/** {@code configuration.media_attachments.video_size_limit}, bytes. */
	static final String VIDEO_SIZE_LIMIT = "video_size_limit";
	/** {@code configuration.media_attachments.supported_mime_types}, comma-separated. */
	static final String SUPPORTED_MIME_TYPES = "supported_mime_types";
	/** {@code configuration.polls.max_options}. */
	static final String MAX_POLL_OPTIONS = "max_poll_options";
	/** {@code configuration.polls.max_characters_per_option}. */
	static final String MAX_POLL_OPTION_CHARS = "max_poll_option_chars";
	/** {@code configuration.polls.min_expiration}, seconds. */
	static final String MIN_POLL_EXPIRATION = "min_poll_expiration";
	/** {@code configuration.polls.max_expiration}, seconds. */
	static final String MAX_POLL_EXPIRATION = "max_poll_expiration";
	/** {@code api_versions.mastodon}; 0 when the instance does not say (before Mastodon 4.3). */
	static final String MASTODON_API_VERSION = "mastodon_api_version";

	/** Mastodon's own default, for instances that do not report theirs. */
	static final int DEFAULT_MAX_CHARACTERS = 500;
	/** The {@code mastodon} API version that brought quote posts (Mastodon 4.5). */
	static final int QUOTES_API_VERSION = 7;

	private InstanceSettings() {
	}

	static Map<String, String> from(@Nullable MastodonInstance instance) {
		Map<String, String> settings = new LinkedHashMap<>();
		if (instance == null) {
			return settings;
		}
		Integer apiVersion = instance.apiVersions() == null ? null : instance.apiVersions().get("mastodon");
		settings.put(MASTODON_API_VERSION, Integer.toString(apiVersion == null ? 0 : apiVersion));
		MastodonInstance.Configuration configuration = instance.configuration();
		if (configuration == null) {
			return settings;
		}
		if (configuration.statuses() != null) {
			put(settings, MAX_CHARACTERS, configuration.statuses().maxCharacters());
			put(settings, CHARACTERS_RESERVED_PER_URL, configuration.statuses().charactersReservedPerUrl());
			put(settings, MAX_MEDIA_ATTACHMENTS, configuration.statuses().maxMediaAttachments());
		}
		MastodonInstance.MediaAttachments media = configuration.mediaAttachments();
		if (media != null) {
			put(settings, IMAGE_SIZE_LIMIT, media.imageSizeLimit());
			put(settings, VIDEO_SIZE_LIMIT, media.videoSizeLimit());
			if (media.supportedMimeTypes() != null) {
				settings.put(SUPPORTED_MIME_TYPES, String.join(",", media.supportedMimeTypes()));
			}
		}
		MastodonInstance.Polls polls = configuration.polls();
		if (polls != null) {
			put(settings, MAX_POLL_OPTIONS, polls.maxOptions());
			put(settings, MAX_POLL_OPTION_CHARS, polls.maxCharactersPerOption());
			put(settings, MIN_POLL_EXPIRATION, polls.minExpiration());
			put(settings, MAX_POLL_EXPIRATION, polls.maxExpiration());
		}
		return settings;
	}

	static int maxCharacters(Map<String, String> settings) {
		return intSetting(settings, MAX_CHARACTERS, DEFAULT_MAX_CHARACTERS);
	}

	static boolean supportsQuotes(Map<String, String> settings) {
		return intSetting(settings, MASTODON_API_VERSION, 0) >= QUOTES_API_VERSION;
	}

	static int intSetting(Map<String, String> settings, String key, int fallback) {
		String value = settings.get(key);
		if (value == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private static void put(Map<String, String> settings, String key, @Nullable Number value) {
		if (value != null) {
			settings.put(key, value.toString());
		}
	}
}
