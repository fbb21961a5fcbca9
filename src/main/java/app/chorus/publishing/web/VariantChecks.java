package app.chorus.publishing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelPermission;
import app.chorus.channels.ChannelView;
import app.chorus.channels.spi.MediaItem;
import app.chorus.channels.spi.NetworkRules;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.Replying;
import app.chorus.channels.spi.RuleViolation;
import app.chorus.channels.spi.Surface;
import app.chorus.channels.spi.TextCount;
import app.chorus.media.MediaId;
import app.chorus.media.MediaLibrary;
import app.chorus.media.MediaView;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.workspace.Membership;

/**
 * Checks each channel's version of what is being written against its network's rules, in the reader's language: the
 * text with the media picked, and each further part of the thread on its own.
 */
@Component
class VariantChecks {

	private final ChannelManagement channels;
	private final MediaLibrary mediaLibrary;
	private final MessageSource messages;

	VariantChecks(ChannelManagement channels, MediaLibrary mediaLibrary, MessageSource messages) {
		this.channels = channels;
		this.mediaLibrary = mediaLibrary;
		this.messages = messages;
	}

	/** The workspace's channels the person may draft for, by network, then name. */
	List<ComposerChannel> channelsFor(Membership membership) {
		List<ComposerChannel> found = new ArrayList<>();
		for (ChannelView channel : channels.all(membership.workspaceId())) {
			if (!channels.may(membership, channel.id(), ChannelPermission.DRAFT)) {
				continue;
			}
			NetworkRules rules = channels.rules(membership.workspaceId(), channel.id()).orElse(null);
			List<Surface> surfaces = rules == null ? List.of(Surface.primary(channel.network()))
					: rules.surfaces().keySet().stream().sorted().toList();
			boolean threads = channels.network(channel).map(n -> n instanceof Replying).orElse(false);
			found.add(new ComposerChannel(channel.id().value(), channel.name(), channel.handle(),
					channel.displayName(), channel.network(), channel.status(), surfaces, rules, threads));
		}
		found.sort(Comparator.comparing((ComposerChannel c) -> c.network().ordinal())
			.thenComparing(c -> c.name().toLowerCase(Locale.ROOT)));
		return found;
	}

	List<ComposerChannel.Group> grouped(List<ComposerChannel> all) {
		List<ComposerChannel.Group> groups = new ArrayList<>();
		for (ComposerChannel channel : all) {
			if (groups.isEmpty() || groups.getLast().network() != channel.network()) {
				groups.add(new ComposerChannel.Group(channel.network(), new ArrayList<>()));
			}
			groups.getLast().channels().add(channel);
		}
		return groups;
	}

	/** The picked media the workspace has, in the order picked; ids it does not know are left out. */
	List<MediaView> picked(WorkspaceId workspace, ComposerForm form) {
		return form.mediaIds().stream().map(id -> mediaLibrary.find(workspace, new MediaId(id)))
			.flatMap(Optional::stream).toList();
	}

	VariantCheck check(WorkspaceId workspace, ComposerChannel channel, ComposerForm form, List<MediaView> media) {
		Surface surface = channel.surface(form.surface(channel.id()));
		String text = form.textFor(channel.id());
		List<VariantCheck.Counter> counters = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		List<String> hashtagProblems = new ArrayList<>();
		NetworkRules rules = channel.rules();
		List<String> thread = form.thread();
		if (rules == null) {
			problems.add(message("post.channel.no-adapter", channel.name()));
		}
		else {
			counters.addAll(counters(rules, surface, text));
			List<MediaItem> items = media.stream().map(m -> mediaLibrary.item(workspace, m.id(), surface)).toList();
			for (RuleViolation violation : rules.check(new PostVariant(surface, text, items, null, null, null, null,
					Map.of()))) {
				// an empty box is where everyone starts; saying so is for when they try to send it
				if (violation.rule().equals("rule.post.empty") && text.isBlank()) {
					continue;
				}
				(violation.field().equals("hashtags") ? hashtagProblems : problems).add(sentence(violation));
			}
		}
		if (!thread.isEmpty() && !channel.threads()) {
			problems.add(message("post.thread.unsupported", channel.name()));
		}
		String shownName = channel.displayName() == null || channel.displayName().isBlank() ? channel.name()
				: channel.displayName();
		return new VariantCheck(channel.id(), channel.name(), channel.handle(), shownName, surface.key(), text,
				counters, problems, hashtagProblems, TextTags.hashtags(text), TextTags.mentions(text), media, thread);
	}

	/**
	 * Every further part as typed (blank ones too, so each box has its counter) and the first comment, each counted
	 * and checked on every ticked channel as a post of its own.
	 */
	List<PartCheck> parts(List<ComposerChannel> selected, ComposerForm form) {
		List<PartCheck> checks = new ArrayList<>();
		for (int i = 0; i < form.parts().size(); i++) {
			checks.add(part(PartCheck.id(i), selected, form, form.parts().get(i)));
		}
		checks.add(part(PartCheck.id(-1), selected, form, form.firstComment()));
		return checks;
	}

	private PartCheck part(String id, List<ComposerChannel> selected, ComposerForm form, String text) {
		List<PartCheck.Line> lines = new ArrayList<>();
		for (ComposerChannel channel : selected) {
			if (channel.rules() == null) {
				continue;
			}
			Surface surface = channel.surface(form.surface(channel.id()));
			List<String> problems = new ArrayList<>();
			if (!text.isBlank()) {
				for (RuleViolation violation : channel.rules().check(PostVariant.text(surface, text))) {
					problems.add(sentence(violation));
				}
			}
			lines.add(new PartCheck.Line(channel.name(), counters(channel.rules(), surface, text), problems));
		}
		return new PartCheck(id, lines);
	}

	private List<VariantCheck.Counter> counters(NetworkRules rules, Surface surface, String text) {
		List<VariantCheck.Counter> counters = new ArrayList<>();
		for (TextCount count : rules.surface(surface).counts(text)) {
			counters.add(new VariantCheck.Counter(message("composer.count", BigDecimal.valueOf(count.used()),
					unit(count.unit(), BigDecimal.valueOf(count.limit()))), count.exceeded()));
		}
		return counters;
	}

	/** A broken rule as a sentence: "The text is 312 characters long; Bluesky allows 300 characters." */
	String sentence(RuleViolation violation) {
		return message(violation.rule(), violation.messageArguments(this::unit));
	}

	private String unit(String key, BigDecimal number) {
		return message(key, number);
	}

	private String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

	/** The channels ticked, among those offered. */
	static List<ComposerChannel> selected(List<ComposerChannel> all, ComposerForm form) {
		return all.stream().filter(c -> form.selected(c.id())).toList();
	}
}
