/**
 * Short links: a post's links replaced by addresses Chorus serves itself ({@code /l/{code}}), each sending the reader
 * on to the original address with UTM parameters added (the network as source, "social" as medium, the campaign), and
 * counting the clicks per day without keeping anything about the person. {@link app.chorus.publishing.links.ShortLinks}
 * is what the rest of publishing calls.
 */
@NullMarked
package app.chorus.publishing.links;

import org.jspecify.annotations.NullMarked;
