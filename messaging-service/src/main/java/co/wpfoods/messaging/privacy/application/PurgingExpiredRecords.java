package co.wpfoods.messaging.privacy.application;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention rule (product document: 90 days): finished outbound messages (outbound_message) older than the retention period are deleted, in
 * batches so a large backlog never holds long locks. Run by a db-scheduler recurring task, so one replica runs it
 * per interval.
 */
public class PurgingExpiredRecords {

    private static final Logger log = LoggerFactory.getLogger(PurgingExpiredRecords.class);
    static final int BATCH = 1_000;

    private final ExpiredRecords records;
    private final Duration retention;
    private final Clock clock;

    public PurgingExpiredRecords(ExpiredRecords records, Duration retention, Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the retention period must be positive: " + retention);
        }
        this.records = records;
        this.retention = retention;
        this.clock = clock;
    }

    /** Deletes everything past the retention period; returns how many records went. */
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

    /**
     * Deletes the privacy conversation's notices as soon as they are final, and their recipients' queue rows left
     * with nothing to send; run every few seconds, so an erased person's number does not wait for the next retention
     * run.
     */
    public int purgeSettledPrivacyNotices() {
        int deleted = records.purgeSettledPrivacyNotices();
        if (deleted > 0) {
            log.info("Privacy: deleted {} settled privacy notices and idle queue rows", deleted);
        }
        return deleted;
    }

    public Duration retention() {
        return retention;
    }
}
