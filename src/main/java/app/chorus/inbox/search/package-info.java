/** Full-text search over inbox messages in every language the inbox reads. */
@NullMarked
package app.chorus.inbox.search;

import org.jspecify.annotations.NullMarked;
