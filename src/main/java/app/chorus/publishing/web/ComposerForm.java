package app.chorus.publishing.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * What the composer holds: the message, the channels ticked, and per channel its own text (blank: the message as it
 * is) and its surface. Read from the form as sent, so a page shown again after an error keeps everything typed.
 */
public record ComposerForm(String text, List<UUID> channelIds, Map<UUID, String> variantTexts, Map<UUID, String> surfaces,
		String scheduledAt, String idempotencyKey) {

	static final String VARIANT_TEXT = "variant-text-";
	static final String SURFACE = "surface-";

	static ComposerForm empty(String idempotencyKey) {
		return new ComposerForm("", List.of(), Map.of(), Map.of(), "", idempotencyKey);
	}

	static ComposerForm from(MultiValueMap<String, String> form) {
		Set<UUID> channels = new LinkedHashSet<>();
		for (String value : form.getOrDefault("channelIds", List.of())) {
			UUID id = uuid(value);
			if (id != null) {
				channels.add(id);
			}
		}
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
		return new ComposerForm(lines(first(form, "text")), new ArrayList<>(channels), texts, surfaces,
				first(form, "scheduledAt"), first(form, "idempotencyKey"));
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
