package app.chorus.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Puts a {@link ChorusException} on a page the way every form shows errors: the message in the person's language
 * under {@code errors[field]}, or under {@code error} when no field is named.
 */
@Component
public class FormErrors {

	private final MessageSource messages;

	FormErrors(MessageSource messages) {
		this.messages = messages;
	}

	public String message(ChorusException e) {
		return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale());
	}

	public String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

	public void add(Model model, ChorusException e) {
		for (ChorusException.FieldProblem problem : e.problems()) {
			put(model, problem.field(), message(problem.messageKey(), problem.arguments()));
		}
		if (!e.problems().isEmpty()) {
			return;
		}
		if (e.field() == null) {
			model.addAttribute("error", message(e));
			return;
		}
		put(model, e.field(), message(e));
	}

	private static void put(Model model, String field, String message) {
		@SuppressWarnings("unchecked")
		Map<String, String> errors = (Map<String, String>) model.asMap().get("errors");
		if (errors == null) {
			errors = new LinkedHashMap<>();
			model.addAttribute("errors", errors);
		}
		errors.merge(field, message, (a, b) -> a + " " + b);
	}
}
