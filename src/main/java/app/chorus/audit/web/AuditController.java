package app.chorus.audit.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.chorus.audit.AuditEntry;
import app.chorus.audit.AuditFilter;
import app.chorus.audit.AuditTrail;
import app.chorus.audit.internal.AuditExport;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import jakarta.servlet.http.HttpServletResponse;

/** The audit page: filter, page through, verify the chain, export. Dates in the filter are the reader's own days. */
@Controller
class AuditController {

	static final int PAGE = 50;

	private final AuditTrail trail;
	private final AuditExport export;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	AuditController(AuditTrail trail, AuditExport export, WorkspaceContext context, CurrentUser currentUser) {
		this.trail = trail;
		this.export = export;
		this.context = context;
		this.currentUser = currentUser;
	}

	@GetMapping("/audit")
	String page(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String actor,
			@RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, @RequestParam(required = false) @Nullable Long before,
			Model model) {
		Membership membership = context.require(Permission.AUDIT_VIEW);
		AuditFilter filter = filter(action, actor, target, from, to);
		List<AuditEntry> entries = trail.page(membership.workspaceId(), filter, before, PAGE);
		model.addAttribute("entries", entries);
		model.addAttribute("next", entries.size() == PAGE ? entries.getLast().seq() : null);
		model.addAttribute("actions", trail.actions(membership.workspaceId()));
		model.addAttribute("action", action);
		model.addAttribute("actor", actor);
		model.addAttribute("target", target);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "audit/audit";
	}

	@PostMapping("/audit/verify")
	String verify(Model model) {
		Membership membership = context.require(Permission.AUDIT_VIEW);
		model.addAttribute("verification", trail.verify(membership.workspaceId()));
		return "audit/audit :: verification";
	}

	@GetMapping("/audit/export")
	void export(@RequestParam(defaultValue = "csv") String format, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String target,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			HttpServletResponse response) throws IOException {
		Membership membership = context.require(Permission.AUDIT_VIEW);
		AuditFilter filter = filter(action, actor, target, from, to);
		if (format.equals("json")) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.json\"");
			export.json(membership.workspaceId(), filter, response.getOutputStream());
		}
		else {
			response.setContentType("text/csv;charset=UTF-8");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"");
			export.csv(membership.workspaceId(), filter, response.getOutputStream());
		}
	}

	private AuditFilter filter(String action, String actor, String target, String from, String to) {
		ZoneId zone = currentUser.account().map(UserAccount::timeZone).orElse(ZoneId.of("UTC"));
		return new AuditFilter(action, actor, target, day(from, "from", zone, 0), day(to, "to", zone, 1));
	}

	private static java.time.@Nullable Instant day(String value, String field, ZoneId zone, int plusDays) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value).plusDays(plusDays).atStartOfDay(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			throw ChorusException.invalid(field, "audit.filter.date");
		}
	}
}
