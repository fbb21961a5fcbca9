/**
 * The inbox pages: the list a social media manager works through all day (filters, paging, bulk changes, live
 * updates, keyboard shortcuts) and a conversation with its messages, our replies, the team's notes, triage and
 * moderation. Everything goes through the inbox's services, checked as the API checks it.
 */
@NullMarked
package app.chorus.inbox.web;

import org.jspecify.annotations.NullMarked;
