package app.chorus.media.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.chorus.identity.CurrentUser;
import app.chorus.media.FocalPoint;
import app.chorus.media.MediaId;
import app.chorus.media.MediaView;
import app.chorus.media.Rendition;
import app.chorus.media.internal.MediaService;
import app.chorus.media.internal.StoredFileResponses;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.FormErrors;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;

/**
 * The media library pages: the grid (with what lacks alt text flagged), uploading, and one item's page where its alt
 * text and focal point are set and its crops previewed. The files are served here too, for the signed-in browser.
 */
@Controller
class MediaController {

	static final int PAGE_SIZE = 48;

	private final MediaService media;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;
	private final FormErrors errors;

	MediaController(MediaService media, WorkspaceContext context, CurrentUser currentUser, FormErrors errors) {
		this.media = media;
		this.context = context;
		this.currentUser = currentUser;
		this.errors = errors;
	}

	@GetMapping("/media")
	String library(@RequestParam(required = false) @Nullable String cursor, Model model) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		MediaId before = parseCursor(cursor);
		List<MediaView> found = media.page(membership.workspaceId(), before, PAGE_SIZE + 1);
		List<MediaView> page = found.size() > PAGE_SIZE ? found.subList(0, PAGE_SIZE) : found;
		model.addAttribute("items", page);
		model.addAttribute("next", found.size() > PAGE_SIZE ? page.getLast().id().toString() : null);
		model.addAttribute("paged", before != null);
		model.addAttribute("withoutAltText", page.stream().filter(m -> !m.hasAltText()).count());
		model.addAttribute("canUpload", membership.can(Permission.POSTS_DRAFT));
		model.addAttribute("maxUploadBytes", media.maxUploadSize().toBytes());
		model.addAttribute("maxUploadLabel", media.maxUploadLabel());
		return "media/library";
	}

	@PostMapping(path = "/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String upload(MultipartHttpServletRequest request, Model model, RedirectAttributes redirect) throws IOException {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		String altText = request.getParameter("altText");
		try {
			MultipartFile file;
			try {
				file = request.getFile("file");
			}
			catch (MaxUploadSizeExceededException e) {
				throw media.tooLarge();
			}
			if (file == null || file.isEmpty()) {
				throw ChorusException.invalid("file", file == null ? "media.file.required" : "media.file.empty");
			}
			MediaView uploaded;
			try (InputStream content = file.getInputStream()) {
				uploaded = media.upload(membership, actor(), content, file.getOriginalFilename(), altText);
			}
			redirect.addFlashAttribute("notice", uploaded.hasAltText() ? "media.uploaded" : "media.uploaded.add-alt");
			return "redirect:/media/" + uploaded.id();
		}
		catch (ChorusException e) {
			errors.add(model, e);
			model.addAttribute("altText", altText);
			return library(null, model);
		}
	}

	@GetMapping("/media/{id}")
	String item(@PathVariable UUID id, Model model) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		MediaView item = media.require(membership.workspaceId(), new MediaId(id));
		model.addAttribute("item", item);
		model.addAttribute("canEdit", membership.can(Permission.POSTS_DRAFT));
		model.addAttribute("maxAltText", MediaService.MAX_ALT_TEXT);
		model.addAttribute("published", item.renditions().stream().filter(r -> r.rendition().published()).toList());
		if (!model.containsAttribute("altText")) {
			model.addAttribute("altText", item.altText());
			model.addAttribute("focalX", item.focalPoint().x());
			model.addAttribute("focalY", item.focalPoint().y());
		}
		return "media/item";
	}

	@PostMapping("/media/{id}")
	String save(@PathVariable UUID id, @RequestParam(defaultValue = "") String altText,
			@RequestParam(required = false) @Nullable String focalX,
			@RequestParam(required = false) @Nullable String focalY, Model model, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		try {
			FocalPoint focus = focalX == null || focalY == null ? null
					: new FocalPoint(coordinate("focalX", focalX), coordinate("focalY", focalY));
			media.update(membership, actor(), new MediaId(id), altText, focus);
		}
		catch (ChorusException e) {
			errors.add(model, e);
			model.addAttribute("altText", altText);
			model.addAttribute("focalX", focalX);
			model.addAttribute("focalY", focalY);
			return item(id, model);
		}
		redirect.addFlashAttribute("notice", "media.saved");
		return "redirect:/media/" + id;
	}

	@PostMapping("/media/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		media.delete(membership, actor(), new MediaId(id));
		redirect.addFlashAttribute("notice", "media.deleted");
		return "redirect:/media";
	}

	@GetMapping("/media/{id}/file")
	ResponseEntity<Resource> file(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		MediaView item = media.require(membership.workspaceId(), new MediaId(id));
		return StoredFileResponses.of(media, media.original(membership.workspaceId(), item.id()),
				id + "-original", item.originalName().isBlank() ? "original" : item.originalName());
	}

	@GetMapping("/media/{id}/renditions/{name}")
	ResponseEntity<Resource> rendition(@PathVariable UUID id, @PathVariable String name) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		Rendition rendition = Rendition.fromKey(name).orElseThrow(() -> ChorusException.notFound("rendition"));
		MediaService.StoredFile file = media.rendition(membership.workspaceId(), new MediaId(id), rendition);
		return StoredFileResponses.of(media, file, id + "-" + name,
				name + (file.mimeType().equals("image/png") ? ".png" : ".jpg"));
	}

	private static double coordinate(String field, String value) {
		try {
			double parsed = Double.parseDouble(value.strip().replace(',', '.'));
			if (FocalPoint.inRange(parsed)) {
				return parsed;
			}
		}
		catch (NumberFormatException e) {
			// reported below like any other value out of range
		}
		throw ChorusException.invalid(field, "media.focal-point.range");
	}

	private static @Nullable MediaId parseCursor(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			return MediaId.of(cursor);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private AuditActor actor() {
		var me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}
}
