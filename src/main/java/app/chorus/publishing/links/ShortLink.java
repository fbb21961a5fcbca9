package app.chorus.publishing.links;

/**
 * A short link as a post uses it.
 * @param code the public part of the short address
 * @param shortUrl the address to put in the post ({@code <base>/l/<code>})
 * @param taggedTargetUrl where a click on it leads: the target with its UTM parameters
 */
public record ShortLink(String code, String shortUrl, String taggedTargetUrl) {
}
