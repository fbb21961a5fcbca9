package app.chorus.publishing.imports;

import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.security.SecretToken;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import jakarta.servlet.http.HttpSession;

/**
 * The bulk import pages: upload a file, see every problem by line before anything is made, import, follow the
 * progress. Between the check and the import the file waits in the person's session, never on disk.
 */
@Controller
class ImportsController {

	private static final String PENDING = ImportsController.class.getName() + ".file.";

	private final PostImports imports;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final MessageSource messages;
	private final FormErrors errors;

	ImportsController(PostImports imports, WorkspaceContext context, CurrentUser currentUser, MessageSource messages,
			FormErrors errors) {
		this.imports = imports;
		this.context = context;
		this.currentUser = currentUser;
		this.messages = messages;
		this.errors = errors;
	}

	@GetMapping("/posts/import")
	String page() {
		context.require(Permission.POSTS_DRAFT);
		return "publishing/import";
	}

	@PostMapping("/posts/import")
	String check(@RequestParam("file") MultipartFile file, HttpSession session, Model model) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		byte[] bytes;
		try {
			bytes = ImportsApi.read(file);
		}
		catch (ChorusException e) {
			errors.add(model, e);
			return "publishing/import";
		}
		PostImports.Report report = imports.dryRun(membership, bytes, currentUser.require().timeZone());
		model.addAttribute("report", ImportsApi.report(report, messages));
		model.addAttribute("fileName", file.getOriginalFilename());
		if (report.problems().isEmpty()) {
			String token = SecretToken.generate("import").value();
			session.setAttribute(PENDING + token, bytes);
			model.addAttribute("token", token);
		}
		return "publishing/import";
	}

	@PostMapping("/posts/import/confirm")
	String confirm(@RequestParam String token, HttpSession session, Model model) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		Object pending = session.getAttribute(PENDING + token);
		if (!(pending instanceof byte[] bytes)) {
			throw ChorusException.notFound("import");
		}
		session.removeAttribute(PENDING + token);
		UserAccount me = currentUser.require();
		try {
			PostImports.ImportView started = imports.start(membership, AuditActor.user(me.id(), me.email()), bytes,
					me.timeZone());
			return "redirect:/posts/imports/" + started.id();
		}
		catch (ChorusException e) {
			model.addAttribute("error", errors.message(e));
			return "publishing/import";
		}
	}

	@GetMapping("/posts/imports/{id}")
	String progress(@PathVariable UUID id, Model model) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		model.addAttribute("job", imports.find(membership.workspaceId(), id));
		return "publishing/import-progress";
	}

	@GetMapping("/posts/imports/{id}/progress")
	String progressFragment(@PathVariable UUID id, Model model) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		model.addAttribute("job", imports.find(membership.workspaceId(), id));
		return "publishing/import-progress :: progress";
	}
}
