package app.chorus.audit.api;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.audit.AuditEntry;
import app.chorus.audit.AuditFilter;
import app.chorus.audit.AuditTrail;
import app.chorus.audit.ChainVerification;
import app.chorus.audit.internal.AuditExport;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** The current workspace's audit trail: entries (cursor-paged, filterable), export, verification. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The tamper-evident audit trail")
class AuditApi {

	private final AuditTrail trail;
	private final AuditExport export;
	private final WorkspaceContext context;

	AuditApi(AuditTrail trail, AuditExport export, WorkspaceContext context) {
		this.trail = trail;
		this.export = export;
		this.context = context;
	}

	record EntryPage(List<AuditEntry> items, @Nullable String next) {
	}

	@Operation(summary = "Entries, newest first; pass `next` back as `cursor` for the following page")
	@GetMapping("/entries")
	EntryPage entries(@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String target,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "50") int limit) {
		Membership membership = context.require(Permission.AUDIT_VIEW);
		Long before = parseCursor(cursor);
		int size = Math.max(1, Math.min(limit, 200));
		List<AuditEntry> page = trail.page(membership.workspaceId(), new AuditFilter(action, actor, target, from, to),
				before, size);
		String next = page.size() == size ? Long.toString(page.getLast().seq()) : null;
		return new EntryPage(page, next);
	}

	@Operation(summary = "Download every matching entry as CSV or JSON (format=csv|json)")
	@GetMapping("/export")
	void export(@RequestParam(defaultValue = "json") String format,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String target,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			HttpServletResponse response) throws IOException {
		Membership membership = context.require(Permission.AUDIT_VIEW);
		AuditFilter filter = new AuditFilter(action, actor, target, from, to);
		switch (format) {
			case "csv" -> {
				response.setContentType("text/csv;charset=UTF-8");
				response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"");
				export.csv(membership.workspaceId(), filter, response.getOutputStream());
			}
			case "json" -> {
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.json\"");
				export.json(membership.workspaceId(), filter, response.getOutputStream());
			}
			default -> throw ChorusException.invalid("format", "audit.export.format");
		}
	}

	@Operation(summary = "Check the whole chain and report the first tampered or missing entry")
	@PostMapping("/verification")
	ChainVerification verify() {
		Membership membership = context.require(Permission.AUDIT_VIEW);
		return trail.verify(membership.workspaceId());
	}

	private static @Nullable Long parseCursor(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException e) {
			throw ChorusException.invalid("cursor", "error.cursor");
		}
	}
}
