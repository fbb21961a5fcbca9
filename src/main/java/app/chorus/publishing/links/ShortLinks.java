package app.chorus.publishing.links;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.chorus.channels.spi.NetworkKey;
import app.chorus.publishing.links.LinkRecords.Counted;
import app.chorus.publishing.links.LinkRecords.LinkRow;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.audit.RequestOrigin;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;

/**
 * Short links, what publishing calls to put them into posts: {@link #shorten} one address, {@link #rewrite} every
 * link in a text. Each short link leads through {@code <base>/l/<code>} to its target with UTM parameters added, and
 * every visit is counted per day (see {@link Click}). The base is {@code chorus.links.base-url} when set (a separate
 * short domain that reaches this server), else {@code chorus.base-url}.
 */
@Service
public class ShortLinks {

	/** Fresh codes tried before giving up; with 62^8 codes even the second is practically never needed. */
	private static final int CODE_ATTEMPTS = 5;

	private static final int MAX_CAMPAIGN = 200;

	private static final int MAX_PAGE = 200;

	private final LinkRecords records;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final String shortBase;

	ShortLinks(LinkRecords records, Clock clock, ApplicationEventPublisher events,
			@Value("${chorus.base-url}") String baseUrl, @Value("${chorus.links.base-url:}") String linksBaseUrl) {
		this.records = records;
		this.clock = clock;
		this.events = events;
		String base = linksBaseUrl.isBlank() ? baseUrl : linksBaseUrl;
		this.shortBase = base.strip().replaceAll("/+$", "") + "/l/";
	}

	/**
	 * A short link to {@code targetUrl} with {@code utm} added. For a post ({@code postId} given) the same tagged
	 * address gets the same short link every time, so publishing again or retrying makes no new ones; without a post,
	 * every call makes a new link.
	 * @param targetUrl an {@code http(s)} address; UTM parameters it already has are kept and win over {@code utm}
	 * @param postId the post the link appears in, or {@code null}
	 * @param variantId the post's variant (one network's version) the link appears in, or {@code null}
	 * @throws ChorusException naming the field {@code url} when the address is not an {@code http(s)} address
	 */
	@Transactional
	public ShortLink shorten(WorkspaceId workspace, String targetUrl, Utm utm, @Nullable UUID postId,
			@Nullable UUID variantId) {
		String target = TargetUrl.require(targetUrl);
		return shortLink(make(workspace, target, utm, null, postId, variantId, null));
	}

	/**
	 * The text with every {@code http(s)://} link in it replaced by a short link. A link ends at whitespace; sentence
	 * punctuation after it and a closing bracket it did not open are not part of it; links written without a scheme
	 * are not touched. The same address appearing twice gets one short link; links that already are short links of
	 * this server, and addresses that are not usable (no valid host), are left as written. Never fails on the text.
	 * @param postId the post the text belongs to, or {@code null}; with it, rewriting the same text again reuses the
	 * links made the first time
	 */
	@Transactional
	public RewrittenText rewrite(WorkspaceId workspace, String text, Utm utm, @Nullable UUID postId,
			@Nullable UUID variantId) {
		Map<String, LinkRow> made = new LinkedHashMap<>();
		StringBuilder rewritten = new StringBuilder(text.length());
		int position = 0;
		for (LinksInText.Found found : LinksInText.find(text)) {
			if (isShortLink(found.url())) {
				continue;
			}
			Optional<String> target = TargetUrl.normalized(found.url());
			if (target.isEmpty()) {
				continue;
			}
			String tagged = TargetUrl.tagged(target.get(), utm);
			LinkRow link = made.computeIfAbsent(tagged,
					t -> make(workspace, target.get(), utm, null, postId, variantId, null));
			rewritten.append(text, position, found.start()).append(shortUrl(link.code()));
			position = found.end();
		}
		rewritten.append(text, position, text.length());
		return new RewrittenText(rewritten.toString(), made.values().stream().map(this::shortLink).toList());
	}

	/**
	 * A short link a person makes by hand, for a network and a campaign (the UTM parameters of
	 * {@link Utm#forNetwork}); recorded in the audit trail.
	 * @param network a network key such as {@code bluesky}
	 * @param campaign the campaign's name, or blank for none
	 * @throws ChorusException naming {@code url}, {@code network} or {@code campaign} when one is not acceptable
	 */
	@Transactional
	public ShortLinkView create(WorkspaceId workspace, AuditActor actor, @Nullable String url, @Nullable String network,
			@Nullable String campaign) {
		String target = TargetUrl.require(url == null ? "" : url);
		NetworkKey key = NetworkKey.fromKey(network == null ? "" : network.strip().toLowerCase(Locale.ROOT))
			.orElseThrow(() -> ChorusException.invalid("network", "link.network.unknown"));
		String campaignName = campaign == null ? "" : campaign.strip();
		if (campaignName.length() > MAX_CAMPAIGN) {
			throw ChorusException.invalid("campaign", "link.campaign.too-long", MAX_CAMPAIGN);
		}
		LinkRow link = make(workspace, target, Utm.forNetwork(key, campaignName),
				campaignName.isEmpty() ? null : campaignName, null, null, actor);
		events.publishEvent(new ShortLinkCreated(workspace, actor, link.id(), link.code(), link.targetUrl(),
				link.campaign(), link.network(), RequestOrigin.current()));
		return view(new Counted(link, 0, 0));
	}

	/** The workspace's links with their click totals, newest first; {@code before} a link id to page on. */
	@Transactional(readOnly = true)
	public List<ShortLinkView> newest(WorkspaceId workspace, @Nullable ShortLinkId before, int limit) {
		return records.newest(workspace, before, Math.clamp(limit, 1, MAX_PAGE)).stream().map(this::view).toList();
	}

	/**
	 * One of the workspace's links with its clicks per day and per referring site.
	 * @throws ChorusException (404) when the workspace has no such link
	 */
	@Transactional(readOnly = true)
	public ShortLinkDetail find(WorkspaceId workspace, ShortLinkId id) {
		Counted link = records.find(workspace, id).orElseThrow(() -> ChorusException.notFound("link"));
		return new ShortLinkDetail(view(link), records.days(workspace, id), records.referrers(workspace, id));
	}

	/**
	 * A visit to a short link: counts it on today's UTC date and answers where to send the visitor.
	 * @return the tagged target, or empty when no link has this code
	 */
	@Transactional
	public Optional<String> follow(String code, Click click) {
		if (!LinkCodes.plausible(code)) {
			return Optional.empty();
		}
		return records.findByCode(code).map(link -> {
			records.countClick(link, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), click);
			return link.taggedUrl();
		});
	}

	/** The short address of a code. */
	public String shortUrl(String code) {
		return shortBase + code;
	}

	private LinkRow make(WorkspaceId workspace, String target, Utm utm, @Nullable String campaign,
			@Nullable UUID postId, @Nullable UUID variantId, @Nullable AuditActor actor) {
		String tagged = TargetUrl.tagged(target, utm);
		if (postId != null) {
			Optional<LinkRow> existing = records.findForPost(workspace, postId, variantId, tagged);
			if (existing.isPresent()) {
				return existing.get();
			}
		}
		String network = NetworkKey.fromKey(utm.source()).map(NetworkKey::key).orElse(null);
		for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
			LinkRow row = new LinkRow(new ShortLinkId(Ids.next()), workspace, LinkCodes.next(), target, tagged, utm,
					campaign == null && !utm.campaign().isEmpty() ? utm.campaign() : campaign, network,
					clock.instant(), actor == null ? null : actor.userId(), postId, variantId);
			if (records.insert(row)) {
				return row;
			}
			if (postId != null) {
				// another transaction made this post's link a moment ago
				Optional<LinkRow> concurrent = records.findForPost(workspace, postId, variantId, tagged);
				if (concurrent.isPresent()) {
					return concurrent.get();
				}
			}
		}
		throw new IllegalStateException("No free short link code after " + CODE_ATTEMPTS + " attempts");
	}

	private boolean isShortLink(String url) {
		return url.regionMatches(true, 0, shortBase, 0, shortBase.length());
	}

	private ShortLink shortLink(LinkRow link) {
		return new ShortLink(link.code(), shortUrl(link.code()), link.taggedUrl());
	}

	private ShortLinkView view(Counted counted) {
		LinkRow link = counted.link();
		return new ShortLinkView(link.id(), link.code(), shortUrl(link.code()), link.targetUrl(), link.taggedUrl(),
				link.utm(), link.campaign(), link.network(), link.postId(), link.variantId(), link.createdAt(),
				link.createdBy(), counted.clicks(), counted.botClicks());
	}
}
