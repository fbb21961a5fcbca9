/**
 * Link previews for cards: fetching a page someone links to and reading the title, description and image it offers
 * for cards (Open Graph, then Twitter card tags, then plain HTML), and fetching that image for a thumbnail. Shared by
 * the network adapters, so it knows nothing about any one network. Fetches are bounded in time and size and, by
 * default, never reach private or local addresses.
 */
@NullMarked
package app.chorus.channels.network.linkpreview;

import org.jspecify.annotations.NullMarked;
