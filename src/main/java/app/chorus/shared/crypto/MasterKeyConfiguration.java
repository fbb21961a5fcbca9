package app.chorus.shared.crypto;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The master key, from {@code CHORUS_MASTER_KEY_FILE} or the data folder; loaded (or generated) at start-up. */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

	@Bean
	MasterKey masterKey(@Value("${chorus.master-key-file:}") String configuredFile,
			@Value("${chorus.data-dir}") Path dataFolder) {
		return MasterKey.load(configuredFile.isBlank() ? null : Path.of(configuredFile), dataFolder);
	}
}
