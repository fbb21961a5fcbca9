package app.chorus.channels.spi;

import static app.chorus.channels.spi.MediaRules.Kind.GIF;
import static app.chorus.channels.spi.MediaRules.Kind.IMAGE;
import static app.chorus.channels.spi.MediaRules.Kind.VIDEO;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import app.chorus.channels.spi.MediaRules.Layout;
import app.chorus.channels.spi.MediaRules.Spec;

/**
 * The rules of every network Chorus publishes to, as data, each limit beside the documentation it comes from. Where a
 * figure could not be confirmed in the network's own documentation the comment says so and names the best source
 * found. Mastodon's rules depend on the instance: see {@link MastodonInstanceRules}.
 * <p>
 * Where a network does not say how it counts characters, the text is counted in UTF-16 code units: an emoji then
 * counts 2, which is never less than the network's count, so Chorus never lets through a post the network refuses.
 */
public final class NetworkRulesCatalog {

	private static final long KB = 1_000;
	private static final long MB = 1_000_000;
	private static final long MIB = 1_024 * 1_024;
	private static final long GIB = 1_024 * MIB;

	private NetworkRulesCatalog() {
	}

	/** The rules of a network whose limits are the same for every account. For Mastodon: the defaults. */
	public static NetworkRules forNetwork(NetworkKey network) {
		return forNetwork(network, Map.of());
	}

	/** The rules for one channel: Mastodon's come from the instance's limits in the channel's settings. */
	public static NetworkRules forNetwork(NetworkKey network, Map<String, String> channelSettings) {
		return switch (network) {
			case BLUESKY -> bluesky();
			case MASTODON -> mastodon(channelSettings);
			case X -> x();
			case FACEBOOK -> facebook();
			case INSTAGRAM -> instagram();
			case LINKEDIN -> linkedin();
			case THREADS -> threads();
			case TIKTOK -> tiktok();
			case YOUTUBE -> youtube();
		};
	}

	public static NetworkRules x() {
		String counting = "https://docs.x.com/fundamentals/counting-characters";
		String weights = "https://github.com/twitter/twitter-text/blob/master/config/v3.json";
		String mediaBasics = "https://docs.x.com/x-api/media/introduction";
		String mediaPractices = "https://docs.x.com/x-api/media/quickstart/best-practices";
		return new NetworkRules(NetworkKey.X, Map.of(Surface.X_POST, new SurfaceRules(Surface.X_POST,
				// 280 weighted characters, links 23, emoji 2, weights per twitter-text config v3: counting, weights
				TextRules.of(TextCounting.X_WEIGHTED, 280), null,
				new MediaRules(false, List.of(
						// "up to 4 photos, 1 animated GIF or 1 video in a Post": mediaPractices
						Layout.of(1, 4, IMAGE), Layout.of(1, 1, GIF), Layout.of(1, 1, VIDEO)),
						List.of(
								// JPG, PNG, WEBP (GIF below): mediaPractices; image 5 MB: mediaBasics
								Spec.of("image/jpeg", "image/png", "image/webp").maxBytes(5 * MIB),
								// GIF 15 MB: mediaBasics
								Spec.of("image/gif").maxBytes(15 * MIB),
								// MP4/MOV, 0.5–140 s, aspect 1:3–3:1: mediaPractices (video specifications); 512 MB:
								// mediaBasics. 140 s is the limit for accounts without X Premium, which may post longer.
								Spec.of("video/mp4", "video/quicktime")
									.maxBytes(512 * MIB)
									.duration(Duration.ofMillis(500), Duration.ofSeconds(140))
									.aspectRatio(1.0 / 3, 3, "1:3–3:1"))),
				true, List.of(counting, weights, mediaBasics, mediaPractices))));
	}

	public static NetworkRules bluesky() {
		String post = "https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/post.json";
		String images = "https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/embed/images.json";
		String video = "https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/embed/video.json";
		String videoLength = "https://bsky.app/profile/bsky.app/post/3lk26lxn6sk2u";
		return new NetworkRules(NetworkKey.BLUESKY, Map.of(Surface.BLUESKY_POST, new SurfaceRules(Surface.BLUESKY_POST,
				// text: maxGraphemes 300, maxLength 3000 (UTF-8 bytes): post
				TextRules.of(TextCounting.GRAPHEMES, 300).withMaxUtf8Bytes(3000), null,
				new MediaRules(false, List.of(
						// images: maxLength 4: images; one video per post: video
						Layout.of(1, 4, IMAGE, GIF), Layout.of(1, 1, VIDEO)),
						List.of(
								// accept image/*, maxSize 1,000,000 bytes: images
								Spec.of("image/*").maxBytes(1_000 * KB),
								// accept video/mp4, maxSize 100,000,000 bytes: video. Bluesky's video service also
								// takes .mpeg, .webm and .mov and converts them; the record itself holds MP4.
								// 3 minutes since March 2025 (Bluesky's announcement, no API document): videoLength
								Spec.of("video/mp4").maxBytes(100 * MB).duration(null, Duration.ofMinutes(3)))),
				true, List.of(post, images, video, videoLength))));
	}

	/** Mastodon's defaults (mastodon.social and a fresh install); a channel's own limits come from its settings. */
	public static NetworkRules mastodon() {
		return MastodonInstanceRules.rules(Map.of());
	}

	/**
	 * The rules of one Mastodon instance, from the limits its {@code /api/v2/instance} reports (see
	 * {@link MastodonInstanceRules} for the keys); missing or unreadable values fall back to Mastodon's defaults.
	 */
	public static NetworkRules mastodon(Map<String, String> instanceSettings) {
		return MastodonInstanceRules.rules(instanceSettings);
	}

	public static NetworkRules threads() {
		String posts = "https://developers.facebook.com/docs/threads/posts";
		String media = "https://developers.facebook.com/docs/threads/posts#media-specifications";
		return new NetworkRules(NetworkKey.THREADS, Map.of(Surface.THREADS_POST, new SurfaceRules(Surface.THREADS_POST,
				// 500 characters, "emojis are counted as the number of UTF-8 bytes": posts (Limitations)
				TextRules.of(TextCounting.THREADS, 500), null,
				new MediaRules(false, List.of(
						// one image or video, or a carousel of 2–20 images and videos mixed: posts (Carousel posts).
						// Meta's page was not readable in full here; 20 is what Meta announced in 2024 and what every
						// integrator documents.
						Layout.of(1, 20, IMAGE, VIDEO)),
						List.of(
								// JPEG and PNG, 8 MB, aspect ratio limit 10:1: media
								Spec.of("image/jpeg", "image/png").maxBytes(8 * MIB).aspectRatio(0.1, 10, "1:10–10:1"),
								// MOV or MP4, 1 GB, 5 minutes, aspect 0.01:1–10:1: media
								Spec.of("video/mp4", "video/quicktime")
									.maxBytes(GIB)
									.duration(null, Duration.ofMinutes(5))
									.aspectRatio(0.01, 10, "0.01:1–10:1"))),
				true, List.of(posts, media))));
	}

	public static NetworkRules linkedin() {
		String multiImage = "https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/multiimage-post-api";
		String images = "https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api";
		String videos = "https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api";
		String posts = "https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api";
		return new NetworkRules(NetworkKey.LINKEDIN, Map.of(Surface.LINKEDIN_POST, new SurfaceRules(
				Surface.LINKEDIN_POST,
				// 3,000 characters: the composer's limit as every integrator reports it; the Posts API reference (posts)
				// states no limit for commentary
				TextRules.of(TextCounting.UTF16_UNITS, 3000), null,
				new MediaRules(false, List.of(
						// one image, or a MultiImage post of 2–20 images: multiImage; one video: videos
						Layout.of(1, 20, IMAGE, GIF), Layout.of(1, 1, VIDEO)),
						List.of(
								// JPG, GIF, PNG, fewer than 36,152,320 pixels: images. No file size limit is documented.
								Spec.of("image/jpeg", "image/png", "image/gif").maxPixels(36_152_319),
								// MP4, 3 s–30 min, up to 500 MB (and at least 75 KB, not checked): videos
								Spec.of("video/mp4")
									.maxBytes(500 * MB)
									.duration(Duration.ofSeconds(3), Duration.ofMinutes(30)))),
				true, List.of(posts, multiImage, images, videos))));
	}

	public static NetworkRules facebook() {
		String photos = "https://developers.facebook.com/docs/graph-api/photo-uploads";
		String videoLimits = "https://developers.facebook.com/docs/graph-api/reference/video-upload-limits/";
		return new NetworkRules(NetworkKey.FACEBOOK, Map.of(Surface.FACEBOOK_PAGE_POST, new SurfaceRules(
				Surface.FACEBOOK_PAGE_POST,
				// 63,206 characters: not in Meta's developer documentation; the figure every source repeats
				TextRules.of(TextCounting.UTF16_UNITS, 63_206), null,
				new MediaRules(false, List.of(
						// photos, or one video; Meta documents no maximum number of photos for a Page post
						Layout.of(1, Integer.MAX_VALUE, IMAGE, GIF), Layout.of(1, 1, VIDEO)),
						List.of(
								// JPEG, BMP, PNG, GIF, TIFF: photos. Meta only recommends under 4 MB; 10 MB is the
								// hard limit integrators report, not confirmed by Meta.
								Spec.of("image/jpeg", "image/bmp", "image/png", "image/gif", "image/tiff")
									.maxBytes(10 * MIB),
								// 10 GB and 240 minutes as integrators report them; Meta gives each Page's own limits
								// only at run time (videoLimits)
								Spec.of("video/mp4", "video/quicktime")
									.maxBytes(10 * GIB)
									.duration(null, Duration.ofMinutes(240)))),
				true, List.of(photos, videoLimits))));
	}

	public static NetworkRules instagram() {
		String publishing = "https://developers.facebook.com/docs/instagram-platform/content-publishing";
		String media = "https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media";
		String hashtags = "https://www.socialmediatoday.com/news/instagram-implements-new-limits-on-hashtag-use/808309/";
		// 2,200 characters: publishing (Limitations). At most 5 hashtags: Instagram's statement of December 2025, as
		// reported (hashtags): "Instagram will gradually update the number of hashtags that you can include in a
		// caption for a reel or post to five". Meta's developer page still says 30, which no longer holds.
		TextRules caption = TextRules.of(TextCounting.UTF16_UNITS, 2200).withMaxHashtags(5);
		// JPEG only, 8 MB (the API's own error says "less than 8 MiB"), aspect 4:5 to 1.91:1: media (Image
		// specifications)
		Spec feedImage = Spec.of("image/jpeg").maxBytes(8 * MIB).aspectRatio(0.8, 1.91, "4:5–1.91:1");
		List<String> sources = List.of(publishing, media, hashtags);
		return new NetworkRules(NetworkKey.INSTAGRAM, Map.of(
				Surface.INSTAGRAM_FEED, new SurfaceRules(Surface.INSTAGRAM_FEED, caption, null,
						// a feed post is one image; a single video is published as a reel since July 2023: publishing
						new MediaRules(true, List.of(Layout.of(1, 1, IMAGE)), List.of(feedImage)), true, sources),
				Surface.INSTAGRAM_CAROUSEL, new SurfaceRules(Surface.INSTAGRAM_CAROUSEL, caption, null,
						// 2–10 images and videos mixed: publishing (Carousel posts). The app allows 20; the API
						// documents 10.
						new MediaRules(true, List.of(Layout.of(2, 10, IMAGE, VIDEO)), List.of(feedImage,
								// carousel videos: MOV or MP4, 3–60 s, 100 MB, aspect 4:5 to 16:9: media (Video
								// specifications)
								Spec.of("video/mp4", "video/quicktime")
									.maxBytes(100 * MIB)
									.duration(Duration.ofSeconds(3), Duration.ofSeconds(60))
									.aspectRatio(0.8, 16.0 / 9, "4:5–16:9"))),
						true, sources),
				Surface.INSTAGRAM_REELS, new SurfaceRules(Surface.INSTAGRAM_REELS, caption, null,
						// exactly one video: media (Reel specifications): MOV or MP4, 3 s–15 min, aspect 0.01:1 to
						// 10:1 (9:16 recommended), 1 GB (older revisions of the page said 300 MB)
						new MediaRules(true, List.of(Layout.of(1, 1, VIDEO)), List.of(Spec
							.of("video/mp4", "video/quicktime")
							.maxBytes(GIB)
							.duration(Duration.ofSeconds(3), Duration.ofMinutes(15))
							.aspectRatio(0.01, 10, "0.01:1–10:1"))),
						true, sources),
				Surface.INSTAGRAM_STORIES, new SurfaceRules(Surface.INSTAGRAM_STORIES, caption, null,
						// one image or one video: media (Story specifications). 9:16 is recommended, not enforced,
						// so no aspect ratio is checked. Story videos: 3–60 s, 100 MB.
						new MediaRules(true, List.of(Layout.of(1, 1, IMAGE, VIDEO)),
								List.of(Spec.of("image/jpeg").maxBytes(8 * MIB),
										Spec.of("video/mp4", "video/quicktime")
											.maxBytes(100 * MIB)
											.duration(Duration.ofSeconds(3), Duration.ofSeconds(60)))),
						true, sources)));
	}

	public static NetworkRules tiktok() {
		String directPost = "https://developers.tiktok.com/doc/content-posting-api-reference-direct-post";
		String photoPost = "https://developers.tiktok.com/doc/content-posting-api-reference-photo-post";
		String mediaTransfer = "https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide";
		return new NetworkRules(NetworkKey.TIKTOK, Map.of(Surface.TIKTOK_VIDEO, new SurfaceRules(Surface.TIKTOK_VIDEO,
				// a video's caption (post_info.title): 2,200 UTF-16 runes: directPost. A photo post's description
				// takes 4,000 (photoPost); the stricter 2,200 holds for both.
				TextRules.of(TextCounting.UTF16_UNITS, 2200), null,
				new MediaRules(true, List.of(
						// one video: directPost; or a photo post of up to 35 photos: photoPost; never both
						Layout.of(1, 1, VIDEO), Layout.of(1, 35, IMAGE)),
						List.of(
								// MP4, WebM, MOV, 4 GB, up to 10 minutes (a creator may be held to less, per
								// creator_info's max_video_post_duration_sec); TikTok documents no minimum: mediaTransfer
								Spec.of("video/mp4", "video/webm", "video/quicktime")
									.maxBytes(4 * GIB)
									.duration(null, Duration.ofMinutes(10)),
								// WebP and JPEG, 20 MB each: mediaTransfer
								Spec.of("image/jpeg", "image/webp").maxBytes(20 * MIB))),
				true, List.of(directPost, photoPost, mediaTransfer))));
	}

	public static NetworkRules youtube() {
		String videos = "https://developers.google.com/youtube/v3/docs/videos";
		String insert = "https://developers.google.com/youtube/v3/docs/videos/insert";
		String shorts = "https://support.google.com/youtube/answer/15424877";
		// the variant's text is the description: at most 5,000 bytes, no < or >: videos (snippet.description)
		TextRules description = TextRules.of(TextCounting.UTF8_BYTES, 5000).withForbiddenCharacters("<>");
		// options.title: at most 100 characters, no < or >: videos (snippet.title)
		TextRules title = TextRules.of(TextCounting.UTF16_UNITS, 100).withForbiddenCharacters("<>");
		// any video/* type, up to 256 GB: insert; at most 12 hours: YouTube Help, "Upload videos longer than 15
		// minutes" (longer than 15 minutes needs a verified account, which Chorus cannot see)
		Spec video = Spec.of("video/*").maxBytes(256 * GIB).duration(null, Duration.ofHours(12));
		MediaRules oneVideo = new MediaRules(true, List.of(Layout.of(1, 1, VIDEO)), List.of(video));
		// Shorts: up to 3 minutes, square or taller: shorts
		MediaRules oneShort = new MediaRules(true, List.of(Layout.of(1, 1, VIDEO)), List.of(Spec.of("video/*")
			.maxBytes(256 * GIB)
			.duration(null, Duration.ofMinutes(3))
			.aspectRatio(0, 1, "≤1:1")));
		return new NetworkRules(NetworkKey.YOUTUBE, Map.of(
				Surface.YOUTUBE_VIDEO, new SurfaceRules(Surface.YOUTUBE_VIDEO, description, title, oneVideo, true,
						List.of(videos, insert)),
				Surface.YOUTUBE_SHORT, new SurfaceRules(Surface.YOUTUBE_SHORT, description, title, oneShort, true,
						List.of(videos, insert, shorts))));
	}
}
