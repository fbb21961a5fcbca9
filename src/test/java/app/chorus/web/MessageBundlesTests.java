package app.chorus.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every translated message bundle carries exactly the English keys, with non-empty values and the same
 * {n} placeholders, and is really translated. Plain unit test: the bundles are read from the classpath as
 * UTF-8, the way Spring Boot reads them (spring.messages.encoding).
 */
class MessageBundlesTests {

	private static final String ENGLISH = "messages.properties";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*(\\d+)\\s*(?:,[^}]*)?}");

	@ParameterizedTest
	@ValueSource(strings = { ENGLISH, "messages_ko.properties", "messages_ne.properties", "messages_da.properties" })
	void everyValueIsFilledIn(String bundle) {
		Properties messages = load(bundle);
		Set<String> empty = new TreeSet<>();
		for (String key : messages.stringPropertyNames()) {
			if (messages.getProperty(key).isBlank()) {
				empty.add(key);
			}
		}
		assertThat(empty).as("%s has empty values for these keys", bundle).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages_ko.properties", "messages_ne.properties", "messages_da.properties" })
	void carriesExactlyTheEnglishKeys(String bundle) {
		Set<String> english = load(ENGLISH).stringPropertyNames();
		Set<String> translated = load(bundle).stringPropertyNames();

		Set<String> missing = new TreeSet<>(english);
		missing.removeAll(translated);
		Set<String> extra = new TreeSet<>(translated);
		extra.removeAll(english);

		List<String> problems = new ArrayList<>();
		if (!missing.isEmpty()) {
			problems.add(bundle + " lacks keys that " + ENGLISH + " has: " + missing);
		}
		if (!extra.isEmpty()) {
			problems.add(bundle + " has keys that " + ENGLISH + " lacks: " + extra);
		}
		if (!problems.isEmpty()) {
			fail(String.join("\n", problems));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages_ko.properties", "messages_ne.properties", "messages_da.properties" })
	void keepsTheEnglishPlaceholders(String bundle) {
		Properties english = load(ENGLISH);
		Properties translated = load(bundle);
		TreeMap<String, String> mismatches = new TreeMap<>();
		for (String key : english.stringPropertyNames()) {
			String value = translated.getProperty(key);
			if (value == null) {
				continue; // reported by carriesExactlyTheEnglishKeys
			}
			Set<String> expected = placeholders(english.getProperty(key));
			Set<String> actual = placeholders(value);
			if (!expected.equals(actual)) {
				mismatches.put(key, "English " + expected + ", translation " + actual);
			}
		}
		assertThat(mismatches).as("%s has other {n} placeholders than %s for these keys", bundle, ENGLISH)
			.isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { ENGLISH, "messages_ko.properties", "messages_ne.properties", "messages_da.properties" })
	void quotesApostrophesWhereMessageFormatReadsThem(String bundle) {
		Properties messages = load(bundle);
		TreeMap<String, String> broken = new TreeMap<>();
		for (String key : messages.stringPropertyNames()) {
			String value = messages.getProperty(key);
			if (placeholders(value).isEmpty()) {
				continue; // Spring renders messages without arguments verbatim
			}
			if (value.replace("''", "").contains("'")) {
				broken.put(key, "single apostrophe: write '' in a message with placeholders");
				continue;
			}
			try {
				new MessageFormat(value);
			}
			catch (IllegalArgumentException e) {
				broken.put(key, e.getMessage());
			}
		}
		assertThat(broken).as("%s has messages MessageFormat would garble", bundle).isEmpty();
	}

	@Test
	void koreanAndNepaliAreReallyTranslated() {
		String korean = load("messages_ko.properties").getProperty("nav.members");
		String nepali = load("messages_ne.properties").getProperty("nav.members");

		assertThat(korean).as("messages_ko.properties nav.members should be written in Hangul").isNotNull();
		assertThat(korean.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL))
			.as("messages_ko.properties nav.members = \"%s\" contains Hangul", korean)
			.isTrue();

		assertThat(nepali).as("messages_ne.properties nav.members should be written in Devanagari").isNotNull();
		assertThat(nepali.codePoints()
			.anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.DEVANAGARI))
			.as("messages_ne.properties nav.members = \"%s\" contains Devanagari", nepali)
			.isTrue();
	}

	private static Set<String> placeholders(String message) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(message);
		while (matcher.find()) {
			found.add("{" + matcher.group(1) + "}");
		}
		return found;
	}

	private static Properties load(String bundle) {
		InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(bundle);
		if (in == null) {
			fail("%s is not on the classpath", bundle);
		}
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read " + bundle, e);
		}
		return properties;
	}
}
