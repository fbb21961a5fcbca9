package app.chorus.publishing.links.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import app.chorus.publishing.links.Click;
import app.chorus.publishing.links.ShortLinks;
import app.chorus.shared.web.ChorusException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a short link leads: anyone may follow one, signed in or not. The answer is never cached, so every visit is
 * counted, and it sends no referrer on, so the target learns the source from the UTM parameters only.
 */
@Controller
class ShortLinkRedirects {

	private final ShortLinks links;

	ShortLinkRedirects(ShortLinks links) {
		this.links = links;
	}

	@GetMapping("/l/{code}")
	ResponseEntity<Void> follow(@PathVariable String code, HttpServletRequest request) {
		Click click = Click.of(request.getHeader(HttpHeaders.USER_AGENT), request.getHeader(HttpHeaders.REFERER),
				"HEAD".equals(request.getMethod()));
		String target = links.follow(code, click)
			.orElseThrow(() -> new ChorusException(HttpStatus.NOT_FOUND, "link.not-found", null));
		return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, target)
			.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer").build();
	}
}
