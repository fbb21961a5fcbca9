package app.chorus.publishing;

import java.time.Instant;

import app.chorus.shared.ids.UserId;

/**
 * The crisis switch is on: every publish in the workspace waits.
 * @param reason what the person who paused it wrote, as they wrote it
 * @param held how many variants came due meanwhile and are held
 */
public record PublishingPause(String reason, UserId pausedBy, Instant pausedAt, int held) {
}
