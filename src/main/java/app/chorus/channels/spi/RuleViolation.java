package app.chorus.channels.spi;

/**
 * One broken rule, in terms a person can act on.
 * @param field what is wrong: {@code text}, {@code media}, {@code media[2]}, {@code hashtags}...
 * @param rule a message key naming the rule, e.g. {@code rule.text.too-long}
 * @param limit the network's limit, as shown to people ("300 graphemes", "4 images", "60 s")
 * @param actual what the post has ("312 graphemes")
 * @param network which network's rule it is
 */
public record RuleViolation(String field, String rule, String limit, String actual, NetworkKey network) {
}
