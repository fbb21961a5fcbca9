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
 * The inbox's db-scheduler recurring tasks; db-scheduler runs each on one node at a time. Each can be switched off
 * (it then runs and does nothing): for tests that share one server, where one test's channels must not be read on
 * another's schedule, or that look at what a task would have changed.
 */
@Configuration(proxyBeanMethods = false)
class InboxTasks {

	static final String POLL = "poll-inboxes";
	static final String MERGE_SEARCH_WORDS = "merge-inbox-search-words";

	/**
	 * Polls the inboxes that are due, every {@code chorus.inbox.sweep-interval} (a quarter of a second unless set).
	 * Each channel has its own cadence ({@code chorus.inbox.poll-interval}) and back-off, kept in its ingestion state;
	 * the sweep only looks for the ones due, and the per-channel lease keeps any other poll off a channel being read.
	 * With {@code chorus.inbox.background-polling=false} nothing is read unless asked for
	 * ({@link InboxIngestion#pollNow}).
	 */
	@Bean
	RecurringTask<Void> pollInboxesTask(@Lazy InboxIngestion ingestion,
			@Value("${chorus.inbox.sweep-interval:PT0.25S}") Duration interval,
			@Value("${chorus.inbox.background-polling:true}") boolean polling) {
		return recurring(POLL, interval, polling, ingestion::pollDue);
	}

	/**
	 * Merges newly stored messages' words into the search index ({@link SearchIndex#mergePendingWords}) every
	 * {@code chorus.inbox.search-merge-interval} (a second unless set). With
	 * {@code chorus.inbox.background-search-merge=false}, PostgreSQL merges them by itself (in the insert that fills the
	 * index's pending list, and in autovacuum).
	 */
	@Bean
	RecurringTask<Void> mergeSearchWordsTask(@Lazy SearchIndex index,
			@Value("${chorus.inbox.search-merge-interval:PT1S}") Duration interval,
			@Value("${chorus.inbox.background-search-merge:true}") boolean merging) {
		return recurring(MERGE_SEARCH_WORDS, interval, merging, index::mergePendingWords);
	}

	private static RecurringTask<Void> recurring(String name, Duration every, boolean on, Runnable work) {
		return Tasks.recurring(name, FixedDelay.of(every)).execute((instance, context) -> {
			if (on) {
				work.run();
			}
		});
	}
}
