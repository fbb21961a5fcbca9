package app.chorus.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;

/**
 * Dates and times as the reader expects them: in their own time zone and language. Templates call it as
 * {@code ${@dates.dateTime(instant)}}.
 */
@Component("dates")
public class Dates {

	private final CurrentUser currentUser;

	Dates(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	public ZoneId zone() {
		return currentUser.account().map(UserAccount::timeZone).orElse(ZoneId.of("UTC"));
	}

	public String dateTime(@Nullable Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale()).withZone(zone()).format(instant);
	}

	public String date(@Nullable Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale())
			.withZone(zone()).format(instant);
	}

	/** ISO 8601 with offset, for {@code <time datetime>} attributes. */
	public String iso(@Nullable Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone()).format(instant);
	}
}
