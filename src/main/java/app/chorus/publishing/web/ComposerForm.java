package app.chorus.publishing.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import app.chorus.publishing.internal.PostService.PostView;
import app.chorus.publishing.internal.PostService.VariantView;
import app.chorus.publishing.internal.PublishEngine;

/**
 * What the composer holds: the message, the channels ticked, and per channel its own text (blank: the message as it
 * is) and its surface; the media picked for every channel, the thread's further parts as typed (blank ones too, so a
 * part just added stays on the page), the first comment, whether links are shortened, and the campaign. Read from the
 * form as sent, so a page shown again after an error keeps everything typed.
 */
public record ComposerForm(String text, List<UUID> channelIds, Map<UUID, String> variantTexts, Map<UUID, String> surfaces,
		String scheduledAt, String idempotencyKey, List<UUID> mediaIds, List<String> parts, String firstComment,
		boolean shortenLinks, @Nullable UUID campaignId) {

	static final String VARIANT_TEXT = "variant-text-";
	static final String SURFACE = "surface-";
	/** The most further parts the composer offers: with the first comment, the most a post's thread may have. */
	static final int MAX_PARTS = 24;

	public ComposerForm {
		channelIds = List.copyOf(channelIds);
		mediaIds = List.copyOf(mediaIds);
		parts = List.copyOf(parts);
	}

	static ComposerForm empty(String idempotencyKey) {
		return new ComposerForm("", List.of(), Map.of(), Map.of(), "", idempotencyKey, List.of(), List.of(), "", false,
				null);
	}

	static ComposerForm from(MultiValueMap<String, String> form) {
		Map<UUID, String> texts = new LinkedHashMap<>();
		Map<UUID, String> surfaces = new LinkedHashMap<>();
		form.forEach((name, values) -> {
			String value = values.isEmpty() || values.getFirst() == null ? "" : lines(values.getFirst());
			if (name.startsWith(VARIANT_TEXT)) {
				UUID id = uuid(name.substring(VARIANT_TEXT.length()));
				if (id != null) {
					texts.put(id, value);
				}
			}
			else if (name.startsWith(SURFACE)) {
				UUID id = uuid(name.substring(SURFACE.length()));
				if (id != null && !value.isBlank()) {
					surfaces.put(id, value.strip());
				}
			}
		});
		List<String> parts = form.getOrDefault("thread", List.of()).stream()
			.map(p -> p == null ? "" : lines(p)).limit(MAX_PARTS + 1L).toList();
		String shorten = first(form, "shortenLinks");
		return new ComposerForm(lines(first(form, "text")), uuids(form, "channelIds"), texts, surfaces,
				first(form, "scheduledAt"), first(form, "idempotencyKey"), uuids(form, "mediaIds"), parts,
				lines(first(form, "firstComment")), shorten.equals("true") || shorten.equals("on"),
				uuid(first(form, "campaignId")));
	}

	/** A post being edited, as the composer shows it: the first variant's media and parts stand for the post's. */
	static ComposerForm of(PostView post, ZoneId zone) {
		Map<UUID, String> texts = new LinkedHashMap<>();
		Map<UUID, String> surfaces = new LinkedHashMap<>();
		List<UUID> channels = new ArrayList<>();
		for (VariantView variant : post.variants()) {
			channels.add(variant.channelId());
			surfaces.put(variant.channelId(), variant.surface());
			if (!variant.text().equals(post.text())) {
				texts.put(variant.channelId(), variant.text());
			}
		}
		VariantView first = post.variants().isEmpty() ? null : post.variants().getFirst();
		boolean shorten = post.variants().stream()
			.anyMatch(v -> "true".equals(v.options().get(PublishEngine.SHORTEN_LINKS)));
		return new ComposerForm(post.text(), channels, texts, surfaces, LocalTimes.format(post.scheduledAt(), zone),
				"", first == null ? List.of() : first.mediaIds(), first == null ? List.of() : first.thread(), "",
				shorten, post.campaignId());
	}

	public boolean selected(UUID channel) {
		return channelIds.contains(channel);
	}

	/** The channel's own text as typed; blank when it follows the message. */
	public String variantText(UUID channel) {
		return variantTexts.getOrDefault(channel, "");
	}

	public boolean customised(UUID channel) {
		return !variantText(channel).isBlank();
	}

	/** What goes out on the channel: its own text, or else the message. */
	public String textFor(UUID channel) {
		return customised(channel) ? variantText(channel) : text;
	}

	public @Nullable String surface(UUID channel) {
		return surfaces.get(channel);
	}

	public boolean picked(UUID media) {
		return mediaIds.contains(media);
	}

	/** Whether another further part may be added. */
	public boolean roomForAnotherPart() {
		return parts.size() < MAX_PARTS;
	}

	/**
	 * The further parts that go out, in order: every part with text, then the first comment. The service names them
	 * {@code thread[j]} in this order.
	 */
	public List<String> thread() {
		List<String> thread = new ArrayList<>();
		for (String part : parts) {
			if (!part.isBlank()) {
				thread.add(part);
			}
		}
		if (!firstComment.isBlank()) {
			thread.add(firstComment);
		}
		return thread;
	}

	/**
	 * Where the service's {@code thread[j]} is on the page: the index of the typed part, or {@code -1} for the first
	 * comment; {@code null} when there is no such part.
	 */
	@Nullable Integer partOf(int threadIndex) {
		int seen = 0;
		for (int i = 0; i < parts.size(); i++) {
			if (!parts.get(i).isBlank() && seen++ == threadIndex) {
				return i;
			}
		}
		return !firstComment.isBlank() && seen == threadIndex ? -1 : null;
	}

	ComposerForm withParts(List<String> changed) {
		return new ComposerForm(text, channelIds, variantTexts, surfaces, scheduledAt, idempotencyKey, mediaIds,
				changed, firstComment, shortenLinks, campaignId);
	}

	ComposerForm withIdempotencyKey(String key) {
		return new ComposerForm(text, channelIds, variantTexts, surfaces, scheduledAt, key, mediaIds, parts,
				firstComment, shortenLinks, campaignId);
	}

	ComposerForm withMedia(List<UUID> media) {
		return new ComposerForm(text, channelIds, variantTexts, surfaces, scheduledAt, idempotencyKey, media, parts,
				firstComment, shortenLinks, campaignId);
	}

	private static List<UUID> uuids(MultiValueMap<String, String> form, String name) {
		Set<UUID> found = new LinkedHashSet<>();
		for (String value : form.getOrDefault(name, List.of())) {
			UUID id = value == null ? null : uuid(value);
			if (id != null) {
				found.add(id);
			}
		}
		return new ArrayList<>(found);
	}

	private static String first(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return value == null ? "" : value;
	}

	/** Browsers send a textarea's line breaks as CR LF; the person typed, and the network counts, one LF each. */
	private static String lines(String value) {
		return value.replace("\r\n", "\n");
	}

	private static @Nullable UUID uuid(String value) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
