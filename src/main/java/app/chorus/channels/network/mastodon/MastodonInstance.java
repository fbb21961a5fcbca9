package app.chorus.channels.network.mastodon;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The Instance entity: {@code GET /api/v2/instance} (docs.joinmastodon.org/entities/Instance), or the older
 * {@code GET /api/v1/instance}, which names the domain {@code uri} and has the same {@code configuration} since 3.4.2.
 * @param apiVersions e.g. {@code {"mastodon": 7}}; quote posts need API version 7 (Mastodon 4.5)
 */
record MastodonInstance(@Nullable String domain, @Nullable String uri, @Nullable String version,
		@Nullable Configuration configuration, @Nullable Map<String, Integer> apiVersions) {

	/** The domain in handles ({@code username@domain}), which may differ from the host serving the API. */
	@Nullable String handleDomain() {
		return domain != null && !domain.isBlank() ? domain : uri;
	}

	record Configuration(@Nullable Statuses statuses, @Nullable MediaAttachments mediaAttachments,
			@Nullable Polls polls) {
	}

	record Statuses(@Nullable Integer maxCharacters, @Nullable Integer maxMediaAttachments,
			@Nullable Integer charactersReservedPerUrl) {
	}

	/** Sizes in bytes. */
	record MediaAttachments(@Nullable List<String> supportedMimeTypes, @Nullable Long imageSizeLimit,
			@Nullable Long videoSizeLimit) {
	}

	/** Expirations in seconds. */
	record Polls(@Nullable Integer maxOptions, @Nullable Integer maxCharactersPerOption,
			@Nullable Long minExpiration, @Nullable Long maxExpiration) {
	}
}
