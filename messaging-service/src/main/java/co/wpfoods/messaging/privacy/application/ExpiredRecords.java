package co.wpfoods.messaging.privacy.application;

import java.time.Instant;

/** Records past their retention period: finished outbound messages (outbound_message). */
public interface ExpiredRecords {

    /** Deletes at most {@code batch} records older than {@code before}; returns how many went. */
    int purge(Instant before, int batch);
}
