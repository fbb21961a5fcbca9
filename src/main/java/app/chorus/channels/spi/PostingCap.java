package app.chorus.channels.spi;

import java.time.Duration;

/**
 * How many posts one account may publish on a network in a window, as the network documents it. Chorus keeps each
 * channel inside its caps: a post that would break one waits until the window allows it, instead of being refused.
 * @param posts the most posts in any window of length {@code per}
 * @param source where the figure comes from
 */
public record PostingCap(int posts, Duration per, String source) {
}
