package app.chorus.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the REST API as an RFC 9457 problem detail, in the caller's language, naming the field when there is
 * one ({@code errors: [{field, message}]}).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	static final String TYPE_BASE = "https://chorus.app/problems/";

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
		setMessageSource(messages);
	}

	@ExceptionHandler(ChorusException.class)
	ResponseEntity<ProblemDetail> chorus(ChorusException e) {
		Locale locale = LocaleContextHolder.getLocale();
		String detail = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), detail);
		problem.setType(URI.create(TYPE_BASE + e.messageKey()));
		problem.setTitle(messages.getMessage("problem.title." + e.status().value(), null,
				e.status().getReasonPhrase(), locale));
		if (!e.problems().isEmpty()) {
			problem.setProperty("errors", e.problems().stream()
				.map(p -> Map.of("field", p.field(), "message",
						messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), locale)))
				.toList());
		}
		else if (e.field() != null) {
			problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", detail)));
		}
		return ResponseEntity.status(e.status()).body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
			// A malformed id in a path can only name something that does not exist.
			return chorus(ChorusException.notFound(e.getName()));
		}
		return chorus(ChorusException.invalid(e.getName(), "error.parameter", e.getName()));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
			.map(error -> Map.of("field", error.getField(), "message", messages.getMessage(error, locale)))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				messages.getMessage("error.validation", null, locale));
		problem.setType(URI.create(TYPE_BASE + "error.validation"));
		problem.setTitle(messages.getMessage("problem.title.422", null, "Unprocessable Content", locale));
		problem.setProperty("errors", errors);
		return ResponseEntity.unprocessableContent().body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage("error.malformed-body", null, locale));
		problem.setType(URI.create(TYPE_BASE + "error.malformed-body"));
		problem.setTitle(messages.getMessage("problem.title.400", null, "Bad Request", locale));
		return ResponseEntity.badRequest().body(problem);
	}
}
