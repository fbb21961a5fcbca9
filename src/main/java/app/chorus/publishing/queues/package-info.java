/**
 * Queues and evergreen posts. Each channel has weekly posting slots (a day and a wall-clock time, read in the queue's
 * own time zone); adding a message to the queue schedules it in the next slot no other post of that channel holds.
 * An evergreen post is published again every so many days: {@link app.chorus.publishing.queues.Evergreen} puts a
 * copy of it into the next free slot of its channels, through the same posting rules as any other post.
 */
@NullMarked
package app.chorus.publishing.queues;

import org.jspecify.annotations.NullMarked;
