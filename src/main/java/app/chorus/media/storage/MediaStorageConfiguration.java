package app.chorus.media.storage;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The media storage chosen by {@code chorus.media.storage}: {@code local} (the default) keeps files in
 * {@code <chorus.data-dir>/media}. Another value leaves the choice to a {@link MediaStorage} bean of its own (the way
 * an S3-compatible store will come in).
 */
@Configuration(proxyBeanMethods = false)
class MediaStorageConfiguration {

	@Bean
	@ConditionalOnProperty(name = "chorus.media.storage", havingValue = "local", matchIfMissing = true)
	LocalMediaStorage localMediaStorage(@Value("${chorus.data-dir}") Path dataFolder) {
		return new LocalMediaStorage(dataFolder.resolve("media"));
	}
}
