package app.chorus.media.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import app.chorus.media.FocalPoint;
import app.chorus.media.MediaDeleted;
import app.chorus.media.MediaId;
import app.chorus.media.MediaUploaded;
import app.chorus.media.MediaView;
import app.chorus.media.MediaView.RenditionFile;
import app.chorus.media.Rendition;
import app.chorus.media.internal.MediaRecords.Asset;
import app.chorus.media.internal.MediaRecords.StoredRendition;
import app.chorus.media.storage.MediaStorage;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;

/**
 * The media library's work: taking an upload (spooled to a temporary file, its type read from its bytes, its size and
 * length read from its headers, its renditions cut), changing alt text and focal point (new renditions under a new
 * revision, switched to in one update), removing media with their files, and handing out stored files.
 * <p>
 * Files are written before the rows that name them and removed after the rows are gone, so a row never names a missing
 * file; a failure in between leaves at worst an unnamed file behind, which is logged.
 */
@Service
public class MediaService {

	private static final Logger log = LoggerFactory.getLogger(MediaService.class);

	/** Longer than any network takes (X: 1,000; Mastodon: 1,500), yet room for a careful description. */
	public static final int MAX_ALT_TEXT = 1500;

	static final int MAX_NAME = 255;

	private final MediaRecords records;
	private final MediaStorage storage;
	private final RenditionMaker renditions;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final DataSize maxUploadSize;
	private final long maxImagePixels;

	MediaService(MediaRecords records, MediaStorage storage, RenditionMaker renditions,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			@Value("${chorus.media.max-upload-size:512MB}") DataSize maxUploadSize,
			@Value("${chorus.media.max-image-pixels:100000000}") long maxImagePixels) {
		this.records = records;
		this.storage = storage;
		this.renditions = renditions;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.maxUploadSize = maxUploadSize;
		this.maxImagePixels = maxImagePixels;
	}

	/** A stored file to send: where it is, what it is, how long it is, and which revision of the media it belongs to. */
	public record StoredFile(String storageKey, String mimeType, long sizeBytes, int revision) {
	}

	public DataSize maxUploadSize() {
		return maxUploadSize;
	}

	public Optional<MediaView> find(WorkspaceId workspace, MediaId id) {
		return records.find(workspace, id).map(Asset::view);
	}

	/** The media, or 404 when the workspace has no such media (another workspace's looks the same). */
	public MediaView require(WorkspaceId workspace, MediaId id) {
		return asset(workspace, id).view();
	}

	/** Newest first, at most {@code limit}; {@code before} is the last id of the page before. */
	public List<MediaView> page(WorkspaceId workspace, @Nullable MediaId before, int limit) {
		return records.page(workspace, before, limit).stream().map(Asset::view).toList();
	}

	/**
	 * Adds an upload to the library.
	 * @param content the file's bytes; read once, to the end (the caller closes it)
	 * @param originalName the name it had on the person's computer, kept for them only
	 * @throws ChorusException 422 naming {@code file} when it is empty, not a type the library takes, or damaged; 413
	 * when it is larger than {@code chorus.media.max-upload-size}; 422 naming {@code altText} when that is too long
	 */
	public MediaView upload(Membership membership, AuditActor who, InputStream content, @Nullable String originalName,
			@Nullable String altText) {
		requireDraft(membership);
		String alt = altText(altText);
		Path spooled = TemporaryFiles.spool(content, maxUploadSize.toBytes(), this::tooLarge);
		try {
			long size = Files.size(spooled);
			if (size == 0) {
				throw ChorusException.invalid("file", "media.file.empty");
			}
			MediaFormat format = MediaFormat.sniff(TemporaryFiles.head(spooled, MediaFormat.HEAD_BYTES))
				.orElseThrow(() -> ChorusException.invalid("file", "media.file.unsupported"));
			return store(membership, who, spooled, size, format, name(originalName), alt);
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not store an upload", e);
		}
		finally {
			TemporaryFiles.delete(spooled);
		}
	}

	private MediaView store(Membership membership, AuditActor who, Path file, long size, MediaFormat format,
			String originalName, String altText) throws IOException {
		WorkspaceId workspace = membership.workspaceId();
		MediaId id = MediaId.next();
		Facts facts = facts(file, format);
		String originalKey = workspace + "/" + id + "/original." + format.extension();
		List<String> written = new ArrayList<>();
		try {
			try (InputStream in = Files.newInputStream(file)) {
				storage.put(originalKey, in);
			}
			written.add(originalKey);
			List<StoredRendition> cut = format.isVideo() ? List.of()
					: cut(workspace, id, 1, file, format, FocalPoint.CENTRE, facts.animated(), written);
			Instant now = clock.instant();
			MediaView media = new MediaView(id, workspace, format.mimeType(), size, facts.width(), facts.height(),
					facts.duration(), facts.animated(), altText, FocalPoint.CENTRE, originalName,
					cut.stream().map(StoredRendition::file).toList(), membership.userId(), now, now, 1);
			transactions.executeWithoutResult(status -> {
				records.insert(media, originalKey, cut);
				events.publishEvent(new MediaUploaded(workspace, who, id, format.mimeType(), size, originalName,
						RequestOrigin.current()));
			});
			return media;
		}
		catch (IOException | RuntimeException e) {
			written.forEach(this::deleteFile);
			throw e;
		}
	}

	/**
	 * Changes the alt text and/or the focal point; a new focal point cuts new renditions.
	 * @param altText the new description, {@code null} to keep it (blank clears it)
	 * @param focus the new focal point, {@code null} to keep it
	 * @throws ChorusException 422 naming {@code focalPoint} for media published as uploaded (which have no crops), 409
	 * when someone else moved the focal point meanwhile
	 */
	public MediaView update(Membership membership, AuditActor who, MediaId id, @Nullable String altText,
			@Nullable FocalPoint focus) {
		requireDraft(membership);
		WorkspaceId workspace = membership.workspaceId();
		Asset asset = asset(workspace, id);
		MediaView media = asset.view();
		String alt = altText == null ? null : altText(altText);
		if (focus != null && !focus.equals(media.focalPoint())) {
			if (media.publishedAsUploaded()) {
				throw ChorusException.invalid("focalPoint", "media.focal-point.as-uploaded");
			}
			refocus(asset, focus, alt);
		}
		else if (alt != null && !alt.equals(media.altText())) {
			records.updateAltText(workspace, id, alt, clock.instant());
		}
		return require(workspace, id);
	}

	private void refocus(Asset asset, FocalPoint focus, @Nullable String altText) {
		MediaView media = asset.view();
		MediaFormat format = MediaFormat.fromMimeType(media.mimeType()).orElseThrow();
		int revision = media.revision();
		List<String> written = new ArrayList<>();
		Path original = null;
		try {
			try (InputStream in = storage.open(asset.storageKey())) {
				original = TemporaryFiles.copy(in);
			}
			List<StoredRendition> cut = cut(media.workspaceId(), media.id(), revision + 1, original, format, focus,
					media.animated(), written);
			Instant now = clock.instant();
			Boolean switched = transactions.execute(status -> {
				if (!records.refocus(media.workspaceId(), media.id(), revision, focus, cut, now)) {
					return false;
				}
				if (altText != null) {
					records.updateAltText(media.workspaceId(), media.id(), altText, now);
				}
				return true;
			});
			if (!Boolean.TRUE.equals(switched)) {
				throw ChorusException.conflict("focalPoint", "media.changed-meanwhile");
			}
			written.clear();
			asset.renditionKeys().values().forEach(this::deleteFile);
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not cut new renditions of " + media.id(), e);
		}
		finally {
			written.forEach(this::deleteFile);
			if (original != null) {
				TemporaryFiles.delete(original);
			}
		}
	}

	/** Removes the media, its renditions and its files. */
	public void delete(Membership membership, AuditActor who, MediaId id) {
		requireDraft(membership);
		WorkspaceId workspace = membership.workspaceId();
		Asset asset = asset(workspace, id);
		transactions.executeWithoutResult(status -> {
			if (records.delete(workspace, id)) {
				events.publishEvent(new MediaDeleted(workspace, who, id, asset.view().mimeType(),
						asset.view().originalName(), RequestOrigin.current()));
			}
		});
		asset.allKeys().forEach(this::deleteFile);
	}

	/** The original file as uploaded. */
	public StoredFile original(WorkspaceId workspace, MediaId id) {
		Asset asset = asset(workspace, id);
		MediaView media = asset.view();
		return new StoredFile(asset.storageKey(), media.mimeType(), media.sizeBytes(), media.revision());
	}

	/** One rendition's file; 404 when the media has none of that shape (videos, animations). */
	public StoredFile rendition(WorkspaceId workspace, MediaId id, Rendition rendition) {
		Asset asset = asset(workspace, id);
		RenditionFile file = asset.view().rendition(rendition)
			.orElseThrow(() -> ChorusException.notFound("rendition"));
		return new StoredFile(asset.renditionKeys().get(rendition), file.mimeType(), file.sizeBytes(),
				asset.view().revision());
	}

	/** The file's bytes as a stream; the caller closes it. */
	public InputStream open(StoredFile file) throws IOException {
		return storage.open(file.storageKey());
	}

	private Asset asset(WorkspaceId workspace, MediaId id) {
		return records.find(workspace, id).orElseThrow(() -> ChorusException.notFound("media"));
	}

	private record Facts(@Nullable Integer width, @Nullable Integer height, @Nullable Duration duration,
			boolean animated) {
	}

	private Facts facts(Path file, MediaFormat format) throws IOException {
		try {
			if (format.isVideo()) {
				try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
					IsoMediaReader.VideoFacts video = IsoMediaReader.read(channel);
					return new Facts(video.width(), video.height(), video.duration(), false);
				}
			}
			StillImages.ImageFacts image = StillImages.inspect(file, format, maxImagePixels);
			return new Facts(image.width(), image.height(), null, image.animated());
		}
		catch (TooManyPixelsException e) {
			throw ChorusException.invalid("file", "media.file.too-many-pixels", e.pixels() / 1_000_000,
					e.maxPixels() / 1_000_000);
		}
		catch (UnreadableMediaException e) {
			log.info("An upload that looked like {} could not be read: {}", format, e.getMessage());
			throw ChorusException.invalid("file", "media.file.unreadable", format.extension().toUpperCase(Locale.ROOT));
		}
	}

	/** Cuts and stores the renditions, noting each stored key in {@code written} as soon as it is there. */
	private List<StoredRendition> cut(WorkspaceId workspace, MediaId id, int revision, Path original,
			MediaFormat format, FocalPoint focus, boolean animated, List<String> written) throws IOException {
		List<RenditionMaker.Made> made;
		try {
			made = renditions.make(original, format, focus, animated);
		}
		catch (UnreadableMediaException e) {
			log.info("The pixels of an upload that looked like {} could not be read: {}", format, e.getMessage());
			throw ChorusException.invalid("file", "media.file.unreadable", format.extension().toUpperCase(Locale.ROOT));
		}
		List<StoredRendition> stored = new ArrayList<>();
		for (RenditionMaker.Made rendition : made) {
			String key = workspace + "/" + id + "/" + rendition.rendition().key() + "-r" + revision + "."
					+ rendition.extension();
			storage.put(key, new ByteArrayInputStream(rendition.bytes()));
			written.add(key);
			stored.add(new StoredRendition(new RenditionFile(rendition.rendition(), rendition.mimeType(),
					rendition.width(), rendition.height(), rendition.bytes().length), key));
		}
		return stored;
	}

	/** The file is larger than the library takes: 413 naming {@code file}, with the limit as people read it. */
	public ChorusException tooLarge() {
		return new ChorusException(HttpStatus.PAYLOAD_TOO_LARGE, "media.file.too-large", "file",
				maxUploadLabel());
	}

	/** The upload limit as people read it: {@code 512 MB}, {@code 1.5 GB}, {@code 800 KB}. */
	public String maxUploadLabel() {
		return label(maxUploadSize);
	}

	static String label(DataSize size) {
		long bytes = size.toBytes();
		long kilobyte = DataSize.ofKilobytes(1).toBytes();
		long megabyte = DataSize.ofMegabytes(1).toBytes();
		long gigabyte = DataSize.ofGigabytes(1).toBytes();
		if (bytes >= gigabyte) {
			return figure((double) bytes / gigabyte) + " GB";
		}
		if (bytes >= megabyte) {
			return figure((double) bytes / megabyte) + " MB";
		}
		return figure(Math.max(1, (double) bytes / kilobyte)) + " KB";
	}

	private static String figure(double value) {
		double tenths = Math.floor(value * 10) / 10;
		return tenths == Math.floor(tenths) ? Long.toString((long) tenths) : String.format(Locale.ROOT, "%.1f", tenths);
	}

	private static String altText(@Nullable String altText) {
		String text = altText == null ? "" : altText.strip();
		if (text.codePointCount(0, text.length()) > MAX_ALT_TEXT) {
			throw ChorusException.invalid("altText", "media.alt-text.too-long", MAX_ALT_TEXT);
		}
		return text;
	}

	/** Only the last part of what a browser sent as the file name, without control characters. */
	static String name(@Nullable String originalName) {
		if (originalName == null) {
			return "";
		}
		String name = originalName.substring(Math.max(originalName.lastIndexOf('/'), originalName.lastIndexOf('\\'))
				+ 1);
		name = name.replaceAll("\\p{Cntrl}", "").strip();
		return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
	}

	private static void requireDraft(Membership membership) {
		if (!membership.can(Permission.POSTS_DRAFT)) {
			throw ChorusException.forbidden("error.forbidden");
		}
	}

	private void deleteFile(String key) {
		try {
			storage.delete(key);
		}
		catch (IOException | RuntimeException e) {
			log.warn("Could not remove the media file {}; it is no longer used and may be removed by hand: {}", key,
					e.toString());
		}
	}
}
