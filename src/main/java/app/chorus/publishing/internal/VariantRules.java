package app.chorus.publishing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import app.chorus.channels.spi.NetworkRules;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.RuleViolation;
import app.chorus.shared.web.ChorusException.FieldProblem;

/**
 * A variant checked against its network's rules, each broken rule as a problem with its field
 * ({@code variants[1].text}) and a sentence naming the network and the limit, in the reader's language.
 */
final class VariantRules {

	private VariantRules() {
	}

	static List<FieldProblem> check(NetworkRules rules, PostVariant variant, String fieldPrefix) {
		List<FieldProblem> problems = new ArrayList<>();
		for (RuleViolation violation : rules.check(variant)) {
			problems.add(problem(violation, fieldPrefix));
		}
		return problems;
	}

	static FieldProblem problem(RuleViolation violation, String fieldPrefix) {
		return new FieldProblem(fieldPrefix + violation.field(), violation.rule(), violation.networkName(),
				amount(violation.unit(), violation.actual()), amount(violation.unit(), violation.limit()),
				violation.position().orElse(0));
	}

	/** A human sentence for storing with a failed variant (English; the UI renders the key itself). */
	static String describe(List<RuleViolation> violations) {
		return String.join("; ", violations.stream()
			.map(v -> v.networkName() + ": " + v.field() + " " + v.rule() + " (" + v.actual() + " / " + v.limit() + ")")
			.toList());
	}

	private static Object amount(@Nullable String unit, String value) {
		if (unit == null) {
			return value;
		}
		try {
			return new DefaultMessageSourceResolvable(new String[] { unit }, new Object[] { new BigDecimal(value) },
					value);
		}
		catch (NumberFormatException e) {
			return value;
		}
	}
}
