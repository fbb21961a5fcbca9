/**
 * The media library: images and videos a workspace uploads once and attaches to many posts. The file's type is read
 * from its bytes, never from its name; images get renditions cropped around a focal point for each surface's shape
 * (1:1, 4:5, 9:16, 1.91:1, 16:9), videos are kept and published as uploaded. Files live behind the
 * {@code MediaStorage} interface (local disk by default); other modules ask {@link app.chorus.media.MediaLibrary} for a
 * file shaped for a surface, as the channels SPI's {@code MediaItem}.
 */
@ApplicationModule(displayName = "Media", allowedDependencies = { "shared", "identity", "workspace",
		"channels :: spi" })
@NullMarked
package app.chorus.media;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
