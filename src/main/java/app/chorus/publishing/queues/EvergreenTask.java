package app.chorus.publishing.queues;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The db-scheduler recurring task that recycles due evergreen posts, every {@code chorus.publishing.evergreen-interval}
 * (five minutes unless set). db-scheduler runs it on one node at a time across the cluster.
 */
@Configuration(proxyBeanMethods = false)
class EvergreenTask {

	static final String NAME = "recycle-evergreen-posts";

	@Bean
	RecurringTask<Void> recycleEvergreenTask(@Lazy Evergreen evergreen,
			@Value("${chorus.publishing.evergreen-interval:PT5M}") Duration interval) {
		return Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> evergreen.recycleDue());
	}
}
