package co.wpfoods.privacy.application;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention rule (Ley 1581 and the product document: 90 days): a service's records older than its retention
 * period are deleted, in batches so a large backlog never holds long locks. Run by a db-scheduler recurring task, so
 * one replica runs it per interval.
 */
public class PurgingExpiredRecords {

    private static final Logger log = LoggerFactory.getLogger(PurgingExpiredRecords.class);
    public static final int BATCH = 1_000;

    private final ExpiredRecords records;
    private final Duration retention;
    private final Clock clock;

    public PurgingExpiredRecords(ExpiredRecords records, Duration retention, Clock clock) {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the retention period must be positive: " + retention);
        }
        this.records = records;
        this.retention = retention;
        this.clock = clock;
    }

    /** Deletes everything past the retention period, batch after batch until one comes back short; returns how many went. */
    public int purge() {
        var before = clock.instant().minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = records.purge(before, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Retention: deleted {} records older than {}", total, before);
        }
        return total;
    }

    public Duration retention() {
        return retention;
    }
}
