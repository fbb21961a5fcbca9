package app.chorus.inbox.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The db-scheduler recurring task that polls the inboxes that are due, every {@code chorus.inbox.sweep-interval} (a
 * second unless set). Each channel has its own cadence ({@code chorus.inbox.poll-interval}) and back-off, kept in its
 * ingestion state; the sweep only looks for the ones due. db-scheduler runs it on one node at a time, and the
 * per-channel lease keeps any other poll off a channel being read.
 */
@Configuration(proxyBeanMethods = false)
class InboxPollTask {

	static final String NAME = "poll-inboxes";

	/**
	 * With {@code chorus.inbox.background-polling=false} nothing is read unless asked for
	 * ({@link InboxIngestion#pollNow}): for tests that share one server, where one test's channels must not be read on
	 * another's schedule.
	 */
	@Bean
	RecurringTask<Void> pollInboxesTask(@Lazy InboxIngestion ingestion,
			@Value("${chorus.inbox.sweep-interval:PT0.25S}") Duration interval,
			@Value("${chorus.inbox.background-polling:true}") boolean polling) {
		return Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> {
			if (polling) {
				ingestion.pollDue();
			}
		});
	}
}
