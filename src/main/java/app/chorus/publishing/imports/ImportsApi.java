package app.chorus.publishing.imports;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Bulk import of posts from CSV: the template, a dry run, the import and its progress. */
@RestController
@RequestMapping("/api/v1/posts/imports")
@Tag(name = "Bulk import", description = "Posts from a CSV file: check, then import all or nothing")
class ImportsApi {

	private final PostImports imports;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final MessageSource messages;

	ImportsApi(PostImports imports, WorkspaceContext context, CurrentUser currentUser, MessageSource messages) {
		this.imports = imports;
		this.context = context;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	record ProblemResource(int line, @Nullable String column, String message) {
	}

	record ReportResource(int rows, int valid, int scheduled, int drafts, List<ProblemResource> problems) {
	}

	@Operation(summary = "The CSV template: channels, text, scheduled_at, time_zone, text_<network>")
	@GetMapping("/template")
	ResponseEntity<String> template() {
		context.require(Permission.POSTS_DRAFT);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chorus-posts-template.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(CsvPosts.TEMPLATE);
	}

	@Operation(summary = "Check a CSV file (dryRun=true, the default: every problem by line and column, nothing made) "
			+ "or import it (dryRun=false: 202, all posts or none, follow it at Location)")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> upload(@RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "true") boolean dryRun) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		UserAccount me = currentUser.require();
		byte[] bytes = read(file);
		if (dryRun) {
			return ResponseEntity.ok(report(imports.dryRun(membership, bytes, me.timeZone()), messages));
		}
		PostImports.ImportView started = imports.start(membership, AuditActor.user(me.id(), me.email()), bytes,
				me.timeZone());
		return ResponseEntity.accepted().location(URI.create("/api/v1/posts/imports/" + started.id())).body(started);
	}

	@GetMapping("/{id}")
	PostImports.ImportView progress(@PathVariable UUID id) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		return imports.find(membership.workspaceId(), id);
	}

	static byte[] read(MultipartFile file) {
		if (file.isEmpty()) {
			throw ChorusException.invalid("file", "import.file.empty");
		}
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw ChorusException.invalid("file", "import.file.unreadable");
		}
	}

	static ReportResource report(PostImports.Report report, MessageSource messages) {
		Locale locale = LocaleContextHolder.getLocale();
		return new ReportResource(report.rows(), report.valid(), report.scheduled(), report.drafts(),
				report.problems().stream()
					.map(p -> new ProblemResource(p.line(), p.column(),
							messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), locale)))
					.toList());
	}
}
