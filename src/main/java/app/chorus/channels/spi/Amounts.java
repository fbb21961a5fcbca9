package app.chorus.channels.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Renders sizes and durations for a {@link RuleViolation}: the unit is chosen so that the network's limit is a whole
 * number ("8 MB", "15 minutes", "60 seconds", "140 seconds"), and the actual value is shown in the same unit, rounded away from the
 * limit so that a value just over it never reads as equal to it.
 */
final class Amounts {

	private Amounts() {
	}

	record Rendered(String limit, String actual, RuleUnit unit) {
	}

	enum Rounding {
		/** For values over a maximum. */
		UP,
		/** For values under a minimum. */
		DOWN
	}

	private static final RuleUnit[] SIZE_UNITS = { RuleUnit.GIGABYTES, RuleUnit.MEGABYTES, RuleUnit.KILOBYTES };

	static Rendered size(long limitBytes, long actualBytes, Rounding rounding) {
		for (int i = 0; i < SIZE_UNITS.length; i++) {
			int power = SIZE_UNITS.length - i;
			for (long base : new long[] { 1024, 1000 }) {
				long divisor = pow(base, power);
				if (limitBytes >= divisor && limitBytes % divisor == 0) {
					return new Rendered(plain(limitBytes / divisor), scaled(actualBytes, divisor, rounding),
							SIZE_UNITS[i]);
				}
			}
		}
		return new Rendered(plain(limitBytes), plain(actualBytes), RuleUnit.BYTES);
	}

	static Rendered duration(Duration limit, Duration actual, Rounding rounding) {
		long limitNanos = limit.toNanos();
		long hour = Duration.ofHours(1).toNanos();
		long minute = Duration.ofMinutes(1).toNanos();
		// "60 seconds" reads better than "1 minute" next to "61 seconds": larger units from two of them on
		if (limitNanos >= 2 * hour && limitNanos % hour == 0) {
			return new Rendered(plain(limitNanos / hour), scaled(actual.toNanos(), hour, rounding), RuleUnit.HOURS);
		}
		if (limitNanos >= 2 * minute && limitNanos % minute == 0) {
			return new Rendered(plain(limitNanos / minute), scaled(actual.toNanos(), minute, rounding),
					RuleUnit.MINUTES);
		}
		long second = Duration.ofSeconds(1).toNanos();
		return new Rendered(scaled(limitNanos, second, Rounding.UP), scaled(actual.toNanos(), second, rounding),
				RuleUnit.SECONDS);
	}

	static String plain(long value) {
		return Long.toString(value);
	}

	private static String scaled(long value, long divisor, Rounding rounding) {
		BigDecimal scaled = BigDecimal.valueOf(value)
			.divide(BigDecimal.valueOf(divisor), 2, rounding == Rounding.UP ? RoundingMode.CEILING : RoundingMode.FLOOR);
		return scaled.stripTrailingZeros().toPlainString();
	}

	private static long pow(long base, int power) {
		long result = 1;
		for (int i = 0; i < power; i++) {
			result *= base;
		}
		return result;
	}
}
