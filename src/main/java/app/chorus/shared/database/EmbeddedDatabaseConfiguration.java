package app.chorus.shared.database;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * With no {@code CHORUS_DB_URL}, Chorus runs its own PostgreSQL in the data folder. With one, Spring Boot's ordinary
 * data source (spring.datasource.*, fed from CHORUS_DB_*) is used and this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${chorus.db.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "release")
	EmbeddedPostgresServer embeddedPostgresServer(@Value("${chorus.data-dir}") Path dataFolder,
			@Value("${chorus.db.embedded.durable:true}") boolean durable,
			@Value("${chorus.db.embedded.shared-buffers:auto}") String sharedBuffers) {
		return EmbeddedPostgresServer.start(dataFolder, durable, sharedBuffers);
	}

	@Bean
	DataSource dataSource(EmbeddedPostgresServer server,
			@Value("${chorus.db.embedded.database:chorus}") String database,
			@Value("${chorus.db.embedded.pool-size:20}") int poolSize) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("chorus");
		config.setJdbcUrl(server.database(database));
		config.setUsername("postgres");
		config.setMaximumPoolSize(poolSize);
		return new HikariDataSource(config);
	}
}
