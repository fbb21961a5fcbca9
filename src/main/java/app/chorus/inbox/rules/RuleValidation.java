package app.chorus.inbox.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.chorus.channels.ChannelId;
import app.chorus.channels.ChannelManagement;
import app.chorus.channels.spi.NetworkKey;
import app.chorus.inbox.internal.ConversationTags;
import app.chorus.inbox.internal.InboxService;
import app.chorus.inbox.saved.SavedReplies;
import app.chorus.shared.ids.UserId;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.ChorusException.FieldProblem;
import app.chorus.workspace.WorkspaceManagement;
import tools.jackson.databind.JsonNode;

/**
 * Reads a rule as a member wrote it (JSON lists of conditions and actions) and checks it against the workspace: every
 * problem is reported at once, each naming its field ({@code conditions[0].words}, {@code actions[1].memberId}).
 */
@Component
class RuleValidation {

	static final int MAX_NAME = 100;
	static final int MAX_CONDITIONS = 20;
	static final int MAX_ACTIONS = 10;
	static final int MAX_VALUES = 100;
	static final int MAX_KEYWORD = 100;
	static final Set<String> SENTIMENTS = Set.of("negative", "neutral", "positive");
	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	private final ChannelManagement channels;
	private final WorkspaceManagement workspaces;
	private final SavedReplies savedReplies;

	RuleValidation(ChannelManagement channels, WorkspaceManagement workspaces, SavedReplies savedReplies) {
		this.channels = channels;
		this.workspaces = workspaces;
		this.savedReplies = savedReplies;
	}

	/** A rule as written, before it is checked. */
	record Draft(@Nullable String name, @Nullable Boolean enabled, @Nullable Boolean stopProcessing,
			@Nullable JsonNode conditions, @Nullable JsonNode actions) {
	}

	/** A checked rule. */
	record Definition(String name, boolean enabled, boolean stopProcessing, List<Condition> conditions,
			List<Action> actions) {
	}

	/** @throws ChorusException 422 naming every field with a problem */
	Definition check(WorkspaceId workspace, Draft draft) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = draft.name() == null ? "" : draft.name().strip();
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "inbox.rule.name.required"));
		}
		else if (name.length() > MAX_NAME) {
			problems.add(new FieldProblem("name", "inbox.rule.name.too-long", MAX_NAME));
		}
		List<Condition> conditions = new ArrayList<>();
		if (list(draft.conditions(), "conditions", "inbox.rule.conditions.required", MAX_CONDITIONS, problems)) {
			for (int i = 0; i < draft.conditions().size(); i++) {
				Condition condition = condition(workspace, draft.conditions().get(i), "conditions[" + i + "]",
						problems);
				if (condition != null) {
					conditions.add(condition);
				}
			}
		}
		List<Action> actions = new ArrayList<>();
		if (list(draft.actions(), "actions", "inbox.rule.actions.required", MAX_ACTIONS, problems)) {
			for (int i = 0; i < draft.actions().size(); i++) {
				Action action = action(workspace, draft.actions().get(i), "actions[" + i + "]", problems);
				if (action != null) {
					actions.add(action);
				}
			}
			if (actions.stream().filter(Action.AutoReply.class::isInstance).count() > 1) {
				problems.add(new FieldProblem("actions", "inbox.rule.action.one-reply"));
			}
		}
		if (!problems.isEmpty()) {
			throw ChorusException.invalid(problems);
		}
		return new Definition(name, draft.enabled() == null || draft.enabled(),
				draft.stopProcessing() != null && draft.stopProcessing(), List.copyOf(conditions),
				List.copyOf(actions));
	}

	private static boolean list(@Nullable JsonNode node, String field, String missing, int max,
			List<FieldProblem> problems) {
		if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
			problems.add(new FieldProblem(field, missing));
			return false;
		}
		if (!node.isArray()) {
			problems.add(new FieldProblem(field, "error.parameter", field));
			return false;
		}
		if (node.size() > max) {
			problems.add(new FieldProblem(field, "inbox.rule.too-many", max));
			return false;
		}
		return true;
	}

	private @Nullable Condition condition(WorkspaceId workspace, JsonNode node, String at,
			List<FieldProblem> problems) {
		String on = node.path("on").isString() ? node.path("on").asString() : "";
		int before = problems.size();
		Condition condition = switch (on) {
			case "channel" -> {
				List<UUID> ids = uuids(node, "ids", at, problems);
				for (UUID id : ids) {
					if (channels.find(workspace, new ChannelId(id)).isEmpty()) {
						problems.add(new FieldProblem(at + ".ids", "inbox.rule.channel.unknown", id.toString()));
					}
				}
				yield new Condition.Channels(ids);
			}
			case "network" -> new Condition.Networks(values(node, "keys", at, problems,
					key -> NetworkKey.fromKey(key).isPresent()));
			case "type" -> new Condition.Types(values(node, "types", at, problems, InboxService.TYPES::contains));
			case "keywords" -> {
				List<String> words = values(node, "words", at, problems,
						word -> KeywordMatch.usable(word) && word.length() <= MAX_KEYWORD);
				JsonNode all = node.path("all");
				if (!all.isMissingNode() && !all.isNull() && !all.isBoolean()) {
					problems.add(new FieldProblem(at + ".all", "error.parameter", at + ".all"));
				}
				yield problems.size() > before ? null : new Condition.Keywords(words, all.asBoolean(false));
			}
			case "language" -> new Condition.Languages(values(node, "codes", at, problems,
					code -> LANGUAGE.matcher(code).matches()));
			case "sentiment" -> new Condition.Sentiments(values(node, "labels", at, problems, SENTIMENTS::contains));
			case "author" -> new Condition.Authors(values(node, "handles", at, problems,
					handle -> !Condition.Authors.handle(handle).isEmpty()));
			default -> {
				problems.add(new FieldProblem(at + ".on", "inbox.rule.condition.unknown", on));
				yield null;
			}
		};
		return problems.size() > before ? null : condition;
	}

	private @Nullable Action action(WorkspaceId workspace, JsonNode node, String at, List<FieldProblem> problems) {
		String kind = node.path("do").isString() ? node.path("do").asString() : "";
		int before = problems.size();
		Action action = switch (kind) {
			case "tag" -> {
				JsonNode tags = node.path("tags");
				List<String> raw = new ArrayList<>();
				if (tags.isArray()) {
					tags.forEach(tag -> raw.add(tag.isString() ? tag.asString() : ""));
				}
				try {
					yield new Action.Tag(ConversationTags.of(raw, at + ".tags", true));
				}
				catch (ChorusException e) {
					problems.addAll(e.problems().isEmpty()
							? List.of(new FieldProblem(String.valueOf(e.field()), e.messageKey(), e.arguments()))
							: e.problems());
					yield null;
				}
			}
			case "assign" -> {
				UUID member = uuid(node.path("memberId"));
				if (member == null || workspaces.membership(workspace, new UserId(member)).isEmpty()) {
					problems.add(new FieldProblem(at + ".memberId", "inbox.rule.member.unknown"));
					yield null;
				}
				yield new Action.Assign(member);
			}
			case "priority" -> {
				String priority = node.path("priority").isString() ? node.path("priority").asString() : "";
				if (!InboxService.PRIORITIES.contains(priority)) {
					problems.add(new FieldProblem(at + ".priority", "inbox.conversation.priority.unknown", priority));
					yield null;
				}
				yield new Action.SetPriority(priority);
			}
			case "auto-reply" -> {
				UUID saved = uuid(node.path("savedReplyId"));
				if (saved == null || !savedReplies.exists(workspace, saved)) {
					problems.add(new FieldProblem(at + ".savedReplyId", "inbox.rule.saved-reply.unknown"));
					yield null;
				}
				yield new Action.AutoReply(saved);
			}
			case "hide" -> new Action.Hide();
			default -> {
				problems.add(new FieldProblem(at + ".do", "inbox.rule.action.unknown", kind));
				yield null;
			}
		};
		return problems.size() > before ? null : action;
	}

	/** The field's strings, lower case; each must pass {@code valid}. */
	private static List<String> values(JsonNode node, String field, String at, List<FieldProblem> problems,
			Predicate<String> valid) {
		JsonNode list = node.path(field);
		String path = at + "." + field;
		if (!list.isArray() || list.isEmpty()) {
			problems.add(new FieldProblem(path, "inbox.rule.values.required"));
			return List.of();
		}
		if (list.size() > MAX_VALUES) {
			problems.add(new FieldProblem(path, "inbox.rule.too-many", MAX_VALUES));
			return List.of();
		}
		List<String> values = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			JsonNode value = list.get(i);
			String text = value.isString() ? value.asString().strip() : "";
			if (!valid.test(field.equals("words") || field.equals("handles") ? text : text.toLowerCase(Locale.ROOT))) {
				problems.add(new FieldProblem(path + "[" + i + "]", "inbox.rule.value.invalid", text));
			}
			else {
				values.add(text);
			}
		}
		return values;
	}

	private static List<UUID> uuids(JsonNode node, String field, String at, List<FieldProblem> problems) {
		List<UUID> ids = new ArrayList<>();
		for (String value : values(node, field, at, problems, value -> uuid(value) != null)) {
			ids.add(UUID.fromString(value));
		}
		return ids;
	}

	private static @Nullable UUID uuid(JsonNode node) {
		return node.isString() ? uuid(node.asString()) : null;
	}

	private static @Nullable UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
