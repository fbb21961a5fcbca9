package app.chorus.channels.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What a surface accepts as attachments, as data.
 * @param required whether a post there must have at least one attachment
 * @param layouts the combinations a post may have; its attachments must fit one of them (X: up to 4 images, or 1 GIF,
 * or 1 video)
 * @param specs what each accepted file type may be; a file no spec accepts is refused
 */
public record MediaRules(boolean required, List<Layout> layouts, List<Spec> specs) {

	public static final long UNLIMITED = Long.MAX_VALUE;

	/** Anything an image or video, any number, any size: for surfaces whose media rules are not known yet. */
	public static final MediaRules UNCHECKED = new MediaRules(false,
			List.of(Layout.of(1, Integer.MAX_VALUE, Kind.IMAGE, Kind.GIF, Kind.VIDEO)),
			List.of(Spec.of("image/*", "video/*")));

	public MediaRules {
		layouts = List.copyOf(layouts);
		specs = List.copyOf(specs);
	}

	/** What kind of attachment a file is, from its MIME type. */
	public enum Kind {

		IMAGE, GIF, VIDEO, OTHER;

		public static Kind of(String mimeType) {
			String type = normalized(mimeType);
			if (type.startsWith("video/")) {
				return VIDEO;
			}
			if (type.equals("image/gif")) {
				return GIF;
			}
			return type.startsWith("image/") ? IMAGE : OTHER;
		}
	}

	/**
	 * One combination of attachments a post may have: between {@code min} and {@code max} files, all of the given
	 * kinds (mixed freely among them).
	 */
	public record Layout(Set<Kind> kinds, int min, int max) {

		public Layout {
			kinds = Set.copyOf(kinds);
		}

		public static Layout of(int min, int max, Kind... kinds) {
			return new Layout(Set.of(kinds), min, max);
		}
	}

	/**
	 * The accepted range of width ÷ height, compared at two decimals (the precision networks state them in).
	 * @param label the range as shown to people, locale-neutral ({@code 4:5–1.91:1})
	 */
	public record AspectRatio(double min, double max, String label) {

		public boolean accepts(int width, int height) {
			BigDecimal ratio = ratio(width, height);
			return ratio.compareTo(rounded(min)) >= 0 && ratio.compareTo(rounded(max)) <= 0;
		}

		static BigDecimal ratio(int width, int height) {
			return BigDecimal.valueOf(width).divide(BigDecimal.valueOf(height), 2, RoundingMode.HALF_UP);
		}

		private static BigDecimal rounded(double value) {
			return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
		}
	}

	/**
	 * The limits on files of some MIME types. Width, height and duration are checked only when known.
	 * @param mimeTypes exact types ({@code image/jpeg}) or a whole family ({@code video/*})
	 * @param maxBytes the largest file, or {@link MediaRules#UNLIMITED}
	 * @param maxPixels the most pixels (width × height), or {@link MediaRules#UNLIMITED}
	 */
	public record Spec(Set<String> mimeTypes, long maxBytes, long maxPixels, @Nullable AspectRatio aspectRatio,
			@Nullable Duration minDuration, @Nullable Duration maxDuration) {

		public Spec {
			// kept in the order given, which is the order people are told them in
			Set<String> ordered = new LinkedHashSet<>();
			mimeTypes.forEach(type -> ordered.add(normalized(type)));
			mimeTypes = Collections.unmodifiableSet(ordered);
		}

		/** Files of these types, with no limits yet. */
		public static Spec of(String... mimeTypes) {
			return new Spec(new LinkedHashSet<>(List.of(mimeTypes)), UNLIMITED, UNLIMITED, null, null, null);
		}

		public Spec maxBytes(long bytes) {
			return new Spec(mimeTypes, bytes, maxPixels, aspectRatio, minDuration, maxDuration);
		}

		public Spec maxPixels(long pixels) {
			return new Spec(mimeTypes, maxBytes, pixels, aspectRatio, minDuration, maxDuration);
		}

		public Spec aspectRatio(double min, double max, String label) {
			return new Spec(mimeTypes, maxBytes, maxPixels, new AspectRatio(min, max, label), minDuration,
					maxDuration);
		}

		public Spec duration(@Nullable Duration min, @Nullable Duration max) {
			return new Spec(mimeTypes, maxBytes, maxPixels, aspectRatio, min, max);
		}

		public boolean accepts(String mimeType) {
			String type = normalized(mimeType);
			return mimeTypes.contains(type) || mimeTypes.contains(type.substring(0, type.indexOf('/') + 1) + "*");
		}
	}

	/** Every rule the attachments break, in order: the post's as a whole, then each file's. */
	List<RuleViolation> check(NetworkKey network, List<MediaItem> media) {
		List<RuleViolation> violations = new ArrayList<>();
		if (media.isEmpty()) {
			if (required) {
				violations.add(new RuleViolation("media", "rule.media.required", "1", "0", network,
						unitFor(acceptedKinds()).key()));
			}
			return violations;
		}
		checkCount(network, media, violations);
		for (int i = 0; i < media.size(); i++) {
			checkItem(network, "media[" + i + "]", media.get(i), violations);
		}
		return violations;
	}

	private void checkCount(NetworkKey network, List<MediaItem> media, List<RuleViolation> violations) {
		// a kind the surface does not take at all is reported per file (rule.media.type), not as a mix
		Set<Kind> accepted = acceptedKinds();
		Set<Kind> present = EnumSet.noneOf(Kind.class);
		media.stream().map(item -> Kind.of(item.mimeType())).filter(accepted::contains).forEach(present::add);
		List<Layout> fitting = layouts.stream().filter(layout -> layout.kinds().containsAll(present)).toList();
		int count = media.size();
		if (fitting.isEmpty()) {
			if (present.size() > 1) {
				String limit = layouts.stream().map(MediaRules::describe).collect(Collectors.joining(" | "));
				String actual = media.stream()
					.map(item -> normalized(item.mimeType()))
					.distinct()
					.collect(Collectors.joining(", "));
				violations.add(new RuleViolation("media", "rule.media.mixed", limit, actual, network, null));
			}
			return;
		}
		Layout widest = fitting.stream().max(Comparator.comparingInt(Layout::max)).orElseThrow();
		Layout loosest = fitting.stream().min(Comparator.comparingInt(Layout::min)).orElseThrow();
		if (count > widest.max()) {
			violations.add(new RuleViolation("media", "rule.media.too-many", Integer.toString(widest.max()),
					Integer.toString(count), network, unitFor(widest.kinds()).key()));
		}
		else if (count < loosest.min()) {
			violations.add(new RuleViolation("media", "rule.media.too-few", Integer.toString(loosest.min()),
					Integer.toString(count), network, unitFor(loosest.kinds()).key()));
		}
	}

	private void checkItem(NetworkKey network, String field, MediaItem item, List<RuleViolation> violations) {
		Optional<Spec> found = specFor(item.mimeType());
		if (found.isEmpty()) {
			violations.add(new RuleViolation(field, "rule.media.type", acceptedTypes(),
					normalized(item.mimeType()), network, null));
			return;
		}
		Spec spec = found.get();
		if (item.sizeBytes() > spec.maxBytes()) {
			Amounts.Rendered size = Amounts.size(spec.maxBytes(), item.sizeBytes(), Amounts.Rounding.UP);
			violations.add(new RuleViolation(field, "rule.media.too-large", size.limit(), size.actual(), network,
					size.unit().key()));
		}
		Integer width = item.width();
		Integer height = item.height();
		if (width != null && height != null && width > 0 && height > 0) {
			long pixels = (long) width * height;
			if (pixels > spec.maxPixels()) {
				violations.add(new RuleViolation(field, "rule.media.too-many-pixels", Long.toString(spec.maxPixels()),
						Long.toString(pixels), network, RuleUnit.PIXELS.key()));
			}
			AspectRatio aspect = spec.aspectRatio();
			if (aspect != null && !aspect.accepts(width, height)) {
				violations.add(new RuleViolation(field, "rule.media.aspect-ratio", aspect.label(),
						AspectRatio.ratio(width, height).toPlainString() + ":1", network, null));
			}
		}
		Duration duration = item.duration();
		if (duration != null) {
			Duration max = spec.maxDuration();
			Duration min = spec.minDuration();
			if (max != null && duration.compareTo(max) > 0) {
				Amounts.Rendered length = Amounts.duration(max, duration, Amounts.Rounding.UP);
				violations.add(new RuleViolation(field, "rule.media.too-long", length.limit(), length.actual(),
						network, length.unit().key()));
			}
			if (min != null && duration.compareTo(min) < 0) {
				Amounts.Rendered length = Amounts.duration(min, duration, Amounts.Rounding.DOWN);
				violations.add(new RuleViolation(field, "rule.media.too-short", length.limit(), length.actual(),
						network, length.unit().key()));
			}
		}
	}

	/** The spec for a file of this type, if the surface accepts its kind at all. */
	Optional<Spec> specFor(String mimeType) {
		if (!acceptedKinds().contains(Kind.of(mimeType))) {
			return Optional.empty();
		}
		return specs.stream().filter(spec -> spec.accepts(mimeType)).findFirst();
	}

	private Set<Kind> acceptedKinds() {
		Set<Kind> kinds = EnumSet.noneOf(Kind.class);
		layouts.forEach(layout -> kinds.addAll(layout.kinds()));
		return kinds;
	}

	private String acceptedTypes() {
		Set<Kind> kinds = acceptedKinds();
		return specs.stream()
			.flatMap(spec -> spec.mimeTypes().stream())
			.filter(type -> kinds.contains(Kind.of(type.replace("*", "x"))))
			.distinct()
			.collect(Collectors.joining(", "));
	}

	private static RuleUnit unitFor(Set<Kind> kinds) {
		if (kinds.equals(Set.of(Kind.VIDEO))) {
			return RuleUnit.VIDEOS;
		}
		if (!kinds.isEmpty() && Set.of(Kind.IMAGE, Kind.GIF).containsAll(kinds)) {
			return RuleUnit.IMAGES;
		}
		return RuleUnit.ATTACHMENTS;
	}

	private static String describe(Layout layout) {
		String kinds = layout.kinds()
			.stream()
			.sorted()
			.map(kind -> kind.name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining("+"));
		return layout.max() + " " + kinds;
	}

	static String normalized(String mimeType) {
		int parameters = mimeType.indexOf(';');
		String type = parameters >= 0 ? mimeType.substring(0, parameters) : mimeType;
		return type.trim().toLowerCase(Locale.ROOT);
	}
}
