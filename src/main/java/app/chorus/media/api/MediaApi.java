package app.chorus.media.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.media.FocalPoint;
import app.chorus.media.MediaId;
import app.chorus.media.MediaView;
import app.chorus.media.Rendition;
import app.chorus.media.internal.MediaService;
import app.chorus.media.internal.StoredFileResponses;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.Page;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The media library of the caller's workspace: upload (multipart), list, read, change alt text and focal point,
 * delete, and the files themselves (the original and each rendition).
 */
@RestController
@RequestMapping("/api/v1/media")
@Tag(name = "Media", description = "Images and videos, their alt text, and the renditions cut for each surface")
class MediaApi {

	private static final int MAX_PAGE = 200;

	private final MediaService media;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	MediaApi(MediaService media, WorkspaceContext context, CurrentUser currentUser) {
		this.media = media;
		this.context = context;
		this.currentUser = currentUser;
	}

	record FocalPointResource(double x, double y) {
	}

	record RenditionResource(String name, String shape, String mimeType, int width, int height, long sizeBytes,
			String url) {
	}

	record MediaResource(UUID id, String mimeType, long sizeBytes, @Nullable Integer width, @Nullable Integer height,
			@Nullable Double durationSeconds, boolean animated, boolean publishedAsUploaded, String altText,
			FocalPointResource focalPoint, String originalName, String fileUrl, List<RenditionResource> renditions,
			Instant createdAt, Instant updatedAt) {
	}

	/** The upload form, for the API description: the request itself is read part by part. */
	record UploadForm(@Schema(type = "string", format = "binary", description = "The image or video") String file,
			@Schema(description = "What it shows, for people who cannot see it") @Nullable String altText) {
	}

	/** A focal point to move to; both coordinates from 0 to 1. */
	record FocalPointPatch(@Nullable Double x, @Nullable Double y) {
	}

	/** What to change; a field left out stays as it is. */
	record MediaPatch(@Nullable String altText, @Nullable FocalPointPatch focalPoint) {
	}

	@Operation(summary = "Upload an image (JPEG, PNG, WebP, GIF) or video (MP4, MOV) as multipart field `file`, with "
			+ "optional `altText`. The type is read from the file's bytes. Answers 201 with the media and its "
			+ "renditions; 422 naming `file` for other types or damaged files, 413 past the upload limit")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadForm.class)))
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<MediaResource> upload(MultipartHttpServletRequest request) throws IOException {
		Membership membership = context.require(Permission.POSTS_DRAFT);
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
			uploaded = media.upload(membership, actor(), content, file.getOriginalFilename(),
					request.getParameter("altText"));
		}
		return ResponseEntity.created(URI.create("/api/v1/media/" + uploaded.id())).body(resource(uploaded));
	}

	@Operation(summary = "The workspace's media, newest first; pass `next` back as `cursor` for the following page")
	@GetMapping
	Page<MediaResource> list(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") int limit) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		List<MediaView> found = media.page(membership.workspaceId(), parseCursor(cursor), size + 1);
		List<MediaView> page = found.size() > size ? found.subList(0, size) : found;
		String next = found.size() > size ? page.getLast().id().toString() : null;
		return new Page<>(page.stream().map(MediaApi::resource).toList(), next);
	}

	@Operation(summary = "One image or video, with its renditions")
	@GetMapping("/{id}")
	MediaResource get(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		return resource(media.require(membership.workspaceId(), new MediaId(id)));
	}

	@Operation(summary = "Change the alt text and/or the focal point ({x, y}, each 0 to 1, from the top left); a new "
			+ "focal point cuts new renditions")
	@PatchMapping("/{id}")
	MediaResource update(@PathVariable UUID id, @RequestBody MediaPatch patch) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		return resource(media.update(membership, actor(), new MediaId(id), patch.altText(),
				focalPoint(patch.focalPoint())));
	}

	@Operation(summary = "Delete the media, its renditions and its files")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		media.delete(membership, actor(), new MediaId(id));
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "The original file, as uploaded (byte ranges supported)")
	@GetMapping("/{id}/file")
	ResponseEntity<Resource> file(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		MediaView view = media.require(membership.workspaceId(), new MediaId(id));
		return StoredFileResponses.of(media, media.original(membership.workspaceId(), view.id()),
				id + "-original", view.originalName().isBlank() ? "original" : view.originalName());
	}

	@Operation(summary = "One rendition's file: square, portrait, vertical, link, landscape or thumbnail")
	@GetMapping("/{id}/renditions/{name}")
	ResponseEntity<Resource> rendition(@PathVariable UUID id, @PathVariable String name) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		MediaId mediaId = new MediaId(id);
		Rendition rendition = Rendition.fromKey(name).orElseThrow(() -> ChorusException.notFound("rendition"));
		MediaService.StoredFile file = media.rendition(membership.workspaceId(), mediaId, rendition);
		return StoredFileResponses.of(media, file, id + "-" + name,
				name + (file.mimeType().equals("image/png") ? ".png" : ".jpg"));
	}

	private AuditActor actor() {
		UserAccount me = currentUser.require();
		return AuditActor.user(me.id(), me.email());
	}

	private static @Nullable FocalPoint focalPoint(@Nullable FocalPointPatch patch) {
		if (patch == null) {
			return null;
		}
		Double x = patch.x();
		Double y = patch.y();
		if (x == null || !FocalPoint.inRange(x)) {
			throw ChorusException.invalid("focalPoint.x", "media.focal-point.range");
		}
		if (y == null || !FocalPoint.inRange(y)) {
			throw ChorusException.invalid("focalPoint.y", "media.focal-point.range");
		}
		return new FocalPoint(x, y);
	}

	private static @Nullable MediaId parseCursor(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			return MediaId.of(cursor);
		}
		catch (IllegalArgumentException e) {
			throw ChorusException.invalid("cursor", "error.cursor");
		}
	}

	static MediaResource resource(MediaView m) {
		String base = "/api/v1/media/" + m.id();
		Duration duration = m.duration();
		return new MediaResource(m.id().value(), m.mimeType(), m.sizeBytes(), m.width(), m.height(),
				duration == null ? null : duration.toMillis() / 1000.0, m.animated(), m.publishedAsUploaded(),
				m.altText(), new FocalPointResource(m.focalPoint().x(), m.focalPoint().y()), m.originalName(),
				base + "/file",
				m.renditions().stream()
					.map(r -> new RenditionResource(r.rendition().key(), r.rendition().label(), r.mimeType(),
							r.width(), r.height(), r.sizeBytes(), base + "/renditions/" + r.rendition().key()))
					.toList(),
				m.createdAt(), m.updatedAt());
	}
}
