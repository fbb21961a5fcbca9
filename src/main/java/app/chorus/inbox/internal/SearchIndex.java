package app.chorus.inbox.internal;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.inbox.search.SearchTerms;

/**
 * The inbox's full-text search index: turns search words into a query the stored words answer, and, when the stored
 * words are in an older {@linkplain SearchTerms#FORMAT format} (or missing, for messages stored before search
 * existed), stores every message's words again, in the background after start, a batch at a time in id order, saying
 * how far it came after each batch (a restart goes on from there; a second node waits for the batch in hand and goes
 * on after it). Until it has finished, every search word asks for all the entries it begins, which every format
 * answers, only more slowly.
 */
@Component
public class SearchIndex {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
	private static final int BATCH = 500;
	private static final int REPORT_EVERY = 200;

	private final InboxRecords records;
	private final TransactionTemplate transactions;
	private volatile boolean current;

	SearchIndex(InboxRecords records, TransactionTemplate transactions) {
		this.records = records;
		this.transactions = transactions;
		this.current = records.searchFormat() == SearchTerms.FORMAT;
	}

	/** Search words as a tsquery; words without any letter or digit find nothing rather than everything. */
	@Nullable String tsquery(@Nullable String search) {
		if (search == null || search.isBlank()) {
			return null;
		}
		String query = SearchTerms.query(search, current);
		return query != null ? query : "''";
	}

	/**
	 * Merges the words of the messages stored since the last merge into the search index. PostgreSQL puts a GIN
	 * index's new entries in a pending list and merges the list into the index when it outgrows
	 * {@code gin_pending_list_limit} (4 MB by default), inside whichever insert found it full: at 2,000 messages a
	 * second, that insert (and the poll storing it, and its messages' way to the live inbox) waited up to 300 ms.
	 * Merged every second in the background, the list stays well under the limit and no insert pays for it. A merge
	 * running elsewhere at the same time is waited for.
	 * @return how many pages of the pending list were merged
	 * @throws org.springframework.dao.DataAccessException when the database cannot be reached (the next run tries
	 *     again; meanwhile PostgreSQL merges the list itself)
	 */
	public long mergePendingWords() {
		return records.mergePendingSearchWords();
	}

	@Async
	@EventListener(ApplicationReadyEvent.class)
	void afterStart() {
		storeAgainIfOlder();
	}

	/** Stores every message's words again when they are in an older format (a no-op when they are not). */
	public void storeAgainIfOlder() {
		current = records.searchFormat() == SearchTerms.FORMAT;
		if (current) {
			return;
		}
		long stored = 0;
		int batches = 0;
		while (true) {
			Integer done = transactions.execute(status -> {
				InboxRecords.SearchFormat format = records.searchFormatForUpdate();
				if (format.format() == SearchTerms.FORMAT) {
					return -1;
				}
				List<InboxRecords.Searchable> batch = records.searchableAfter(format.storedThrough(), BATCH);
				if (batch.isEmpty()) {
					records.setSearchFormat(SearchTerms.FORMAT, null);
					return -1;
				}
				records.setSearchWords(batch);
				UUID last = batch.getLast().id();
				records.setSearchFormat(format.format(), last);
				return batch.size();
			});
			if (done == null || done < 0) {
				break;
			}
			stored += done;
			if (++batches % REPORT_EVERY == 0) {
				log.info("Full-text search: {} inbox messages stored again so far", stored);
			}
		}
		current = true;
		if (stored > 0) {
			log.info("Full-text search: {} inbox messages stored again; every search word now reads one index entry",
					stored);
		}
	}
}
