package app.chorus.publishing.links.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.UserAccount;
import app.chorus.publishing.links.ShortLinkDetail;
import app.chorus.publishing.links.ShortLinkId;
import app.chorus.publishing.links.ShortLinkView;
import app.chorus.publishing.links.ShortLinks;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.Page;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;
import app.chorus.workspace.WorkspaceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's workspace's short links, their clicks, and making one by hand. */
@RestController
@RequestMapping("/api/v1/links")
@Tag(name = "Links", description = "Short links with UTM parameters, served by Chorus, and their clicks")
class LinksApi {

	private static final int DEFAULT_LIMIT = 50;

	private static final int MAX_LIMIT = 200;

	private final ShortLinks links;
	private final WorkspaceContext context;
	private final CurrentUser currentUser;

	LinksApi(ShortLinks links, WorkspaceContext context, CurrentUser currentUser) {
		this.links = links;
		this.context = context;
		this.currentUser = currentUser;
	}

	record UtmResource(String source, String medium, @Nullable String campaign, @Nullable String term,
			@Nullable String content) {
	}

	/** A short link; {@code clicks} are people, {@code botClicks} crawlers and link previews. */
	record LinkResource(UUID id, String code, String shortUrl, String targetUrl, String taggedUrl, UtmResource utm,
			@Nullable String campaign, @Nullable String network, @Nullable UUID postId, @Nullable UUID variantId,
			Instant createdAt, @Nullable UUID createdBy, long clicks, long botClicks) {
	}

	record DayResource(LocalDate day, long clicks, long botClicks) {
	}

	record ReferrerResource(String host, long clicks, long botClicks) {
	}

	record LinkDetailResource(LinkResource link, List<DayResource> days, List<ReferrerResource> referrers) {
	}

	/** Making a link by hand: the address, the network it is for (the UTM source) and an optional campaign. */
	record LinkBody(@Nullable String url, @Nullable String network, @Nullable String campaign) {
	}

	@Operation(summary = "The workspace's short links with their click totals, newest first; limit 1 to 200 (default 50), "
			+ "cursor from the previous page's next")
	@GetMapping
	Page<LinkResource> list(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		int size = Math.clamp(limit, 1, MAX_LIMIT);
		List<ShortLinkView> page = links.newest(membership.workspaceId(), parseCursor(cursor), size);
		String next = page.size() == size ? page.getLast().id().toString() : null;
		return new Page<>(page.stream().map(LinksApi::resource).toList(), next);
	}

	@Operation(summary = "One short link with its clicks per day (UTC) and per referring site")
	@GetMapping("/{id}")
	LinkDetailResource link(@PathVariable UUID id) {
		Membership membership = context.require(Permission.CONTENT_VIEW);
		ShortLinkDetail detail = links.find(membership.workspaceId(), new ShortLinkId(id));
		return new LinkDetailResource(resource(detail.link()),
				detail.days().stream().map(d -> new DayResource(d.day(), d.clicks(), d.botClicks())).toList(),
				detail.referrers().stream().map(r -> new ReferrerResource(r.host(), r.clicks(), r.botClicks()))
					.toList());
	}

	@Operation(summary = "Make a short link by hand: url, network (the UTM source, e.g. bluesky), optional campaign; "
			+ "answers 201 with the link")
	@PostMapping
	ResponseEntity<LinkResource> create(@RequestBody LinkBody body) {
		Membership membership = context.require(Permission.POSTS_DRAFT);
		UserAccount me = currentUser.require();
		ShortLinkView link = links.create(membership.workspaceId(), AuditActor.user(me.id(), me.email()), body.url(),
				body.network(), body.campaign());
		return ResponseEntity.created(URI.create("/api/v1/links/" + link.id())).body(resource(link));
	}

	private static @Nullable ShortLinkId parseCursor(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			return new ShortLinkId(UUID.fromString(cursor));
		}
		catch (IllegalArgumentException e) {
			throw ChorusException.invalid("cursor", "error.cursor");
		}
	}

	private static LinkResource resource(ShortLinkView link) {
		return new LinkResource(link.id().value(), link.code(), link.shortUrl(), link.targetUrl(), link.taggedUrl(),
				new UtmResource(link.utm().source(), link.utm().medium(),
						link.utm().campaign().isEmpty() ? null : link.utm().campaign(), link.utm().term(),
						link.utm().content()),
				link.campaign(), link.network(), link.postId(), link.variantId(), link.createdAt(),
				link.createdBy() == null ? null : link.createdBy().value(), link.clicks(), link.botClicks());
	}
}
