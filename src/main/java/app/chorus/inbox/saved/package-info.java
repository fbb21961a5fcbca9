/**
 * Saved replies: answers a team writes once and uses often, with variables ({@code {first_name}}, {@code {name}},
 * {@code {handle}}, {@code {channel}}, {@code {agent}}) filled in for the conversation at hand, by a person previewing
 * one or by an automation rule replying with one.
 */
@NullMarked
package app.chorus.inbox.saved;

import org.jspecify.annotations.NullMarked;
