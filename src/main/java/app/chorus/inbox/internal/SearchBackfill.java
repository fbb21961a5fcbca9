package app.chorus.inbox.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Gives messages stored before full-text search existed their search words, once, in the background after start (a
 * node that starts alongside does the same work harmlessly: the words are the same).
 */
@Component
class SearchBackfill {

	private static final Logger log = LoggerFactory.getLogger(SearchBackfill.class);
	private static final int BATCH = 500;

	private final InboxRecords records;

	SearchBackfill(InboxRecords records) {
		this.records = records;
	}

	@Async
	@EventListener(ApplicationReadyEvent.class)
	void fill() {
		long filled = 0;
		for (List<InboxRecords.Unsearched> batch = records.unsearched(BATCH); !batch.isEmpty();
				batch = records.unsearched(BATCH)) {
			for (InboxRecords.Unsearched row : batch) {
				records.setSearchWords(row.id(),
						InboxRecords.searchWords(row.text(), row.authorHandle(), row.authorDisplayName()));
			}
			filled += batch.size();
		}
		if (filled > 0) {
			log.info("Full-text search: {} inbox messages stored before it existed can now be found", filled);
		}
	}
}
