package app.chorus.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;

/** A failure on a page: the error page, with the reason in the reader's language and the right status. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	private final FormErrors errors;

	PageProblems(FormErrors errors) {
		this.errors = errors;
	}

	@ExceptionHandler(ChorusException.class)
	ModelAndView chorus(ChorusException e, HttpServletResponse response) {
		response.setStatus(e.status().value());
		ModelAndView view = new ModelAndView("error");
		view.setStatus(e.status());
		view.addObject("status", e.status().value());
		view.addObject("message", errors.message(e));
		return view;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
		return chorus(ChorusException.notFound(e.getName()), response);
	}
}
