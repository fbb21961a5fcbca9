/**
 * The publishing pages: the composer (one message, a variant per channel, checked live against each network's rules),
 * the posts list, a post with each variant's fate and its attempts, and the crisis switch.
 */
@NullMarked
package app.chorus.publishing.web;

import org.jspecify.annotations.NullMarked;
