package app.chorus.channels.spi;

/**
 * How much of a limit a text uses, counted the network's way; what the composer shows while someone types.
 * @param used the text's length in {@code unit}
 * @param limit the most the network allows
 * @param unit a {@link RuleUnit} message key ({@code rule.unit.characters}, {@code rule.unit.bytes})
 */
public record TextCount(int used, int limit, String unit) {

	/** What is left; negative when the text is over the limit. */
	public int remaining() {
		return limit - used;
	}

	public boolean exceeded() {
		return used > limit;
	}
}
