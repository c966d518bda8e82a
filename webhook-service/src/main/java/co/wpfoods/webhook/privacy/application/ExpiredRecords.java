package co.wpfoods.webhook.privacy.application;

import java.time.Instant;

/** Records past their retention period: archived webhook POSTs (raw_webhook). */
public interface ExpiredRecords {

    /** Deletes at most {@code batch} records older than {@code before}; returns how many went. */
    int purge(Instant before, int batch);
}
