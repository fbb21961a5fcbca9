/**
 * The publishing calendar: posts placed by their time (or when they went out) in month, week and list views, in the
 * reader's time zone, coloured by campaign and filtered by channel, campaign and status; a post the reader may publish
 * everywhere it goes can be dragged to another time. The feed is {@code GET /api/v1/calendar}; the page reads the same
 * feed, and moves posts, through session-authenticated twins under {@code /calendar}.
 */
@NullMarked
package app.chorus.publishing.calendar;

import org.jspecify.annotations.NullMarked;
