/**
 * Inbox automation rules: conditions on a new item (channel, network, type, keywords, language, sentiment, author),
 * actions on it (tag, assign, set priority, reply with a saved reply, hide), run in order on every new item by
 * {@link app.chorus.inbox.rules.RuleEngine}, each rule at most once per item, its hits counted and its outcomes kept.
 */
@NullMarked
package app.chorus.inbox.rules;

import org.jspecify.annotations.NullMarked;
