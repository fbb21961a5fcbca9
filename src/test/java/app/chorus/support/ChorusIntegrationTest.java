package app.chorus.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole application on a random port, with the real embedded PostgreSQL. All classes carrying this
 * annotation share one application context and one database (made fresh for each test run); tests keep out of each
 * other's way by working in workspaces of their own (see {@link TestWorld}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"chorus.data-dir=${chorus.test.data-dir:target/test-data}", "chorus.db.embedded.durable=false",
		"chorus.db.embedded.database=chorus_it_${random.value}", "chorus.base-url=http://localhost",
		// every test calls from 127.0.0.1: the per-address limit would otherwise couple unrelated tests
		"chorus.security.login-throttle.max-failures-per-address=1000",
		// retries a second apart instead of half a minute, so tests see the whole back-off
		"chorus.publishing.first-retry=PT1S",
		// inboxes are read when a test asks, not on a schedule that would reach every other test's channels
		"chorus.inbox.background-polling=false",
		// the search index's pending list is merged when a test asks, so that a test can see it
		"chorus.inbox.background-search-merge=false" })
public @interface ChorusIntegrationTest {
}
