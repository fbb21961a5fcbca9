package app.chorus.channels.spi;

/**
 * The units a rule's limit and actual value are measured in. Each {@link #key()} is a message taking the number as
 * {@code {0}} and rendering it with its unit word in the reader's language ("300 characters", "8 MB").
 */
public enum RuleUnit {

	CHARACTERS("rule.unit.characters"),
	BYTES("rule.unit.bytes"),
	/** 1,000 or 1,024 bytes: whichever divides the network's limit (see {@link RuleViolation}). */
	KILOBYTES("rule.unit.kilobytes"),
	MEGABYTES("rule.unit.megabytes"),
	GIGABYTES("rule.unit.gigabytes"),
	SECONDS("rule.unit.seconds"),
	MINUTES("rule.unit.minutes"),
	HOURS("rule.unit.hours"),
	/** Images and videos together. */
	ATTACHMENTS("rule.unit.attachments"),
	IMAGES("rule.unit.images"),
	VIDEOS("rule.unit.videos"),
	HASHTAGS("rule.unit.hashtags"),
	PIXELS("rule.unit.pixels");

	private final String key;

	RuleUnit(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}
}
