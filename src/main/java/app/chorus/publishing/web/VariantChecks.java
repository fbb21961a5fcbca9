package app.chorus.publishing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelPermission;
import app.chorus.channels.ChannelView;
import app.chorus.channels.spi.NetworkRules;
import app.chorus.channels.spi.PostVariant;
import app.chorus.channels.spi.RuleViolation;
import app.chorus.channels.spi.Surface;
import app.chorus.channels.spi.TextCount;
import app.chorus.workspace.Membership;

/** Checks each channel's version of what is being written against its network's rules, in the reader's language. */
@Component
class VariantChecks {

	private final ChannelManagement channels;
	private final MessageSource messages;

	VariantChecks(ChannelManagement channels, MessageSource messages) {
		this.channels = channels;
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
			found.add(new ComposerChannel(channel.id().value(), channel.name(), channel.handle(),
					channel.displayName(), channel.network(), channel.status(), surfaces, rules));
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

	VariantCheck check(ComposerChannel channel, ComposerForm form) {
		Surface surface = channel.surface(form.surface(channel.id()));
		String text = form.textFor(channel.id());
		List<VariantCheck.Counter> counters = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		List<String> hashtagProblems = new ArrayList<>();
		NetworkRules rules = channel.rules();
		if (rules == null) {
			problems.add(message("post.channel.no-adapter", channel.name()));
		}
		else {
			for (TextCount count : rules.surface(surface).counts(text)) {
				counters.add(new VariantCheck.Counter(message("composer.count", BigDecimal.valueOf(count.used()),
						unit(count.unit(), BigDecimal.valueOf(count.limit()))), count.exceeded()));
			}
			for (RuleViolation violation : rules.check(PostVariant.text(surface, text))) {
				// an empty box is where everyone starts; saying so is for when they try to send it
				if (violation.rule().equals("rule.post.empty") && text.isBlank()) {
					continue;
				}
				(violation.field().equals("hashtags") ? hashtagProblems : problems).add(sentence(violation));
			}
		}
		String shownName = channel.displayName() == null || channel.displayName().isBlank() ? channel.name()
				: channel.displayName();
		return new VariantCheck(channel.id(), channel.name(), channel.handle(), shownName, surface.key(), text,
				counters, problems, hashtagProblems, TextTags.hashtags(text), TextTags.mentions(text));
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
}
