package co.wpfoods.messaging.privacy.application;

import java.time.Instant;

/** Records past their retention period: finished outbound messages (outbound_message). */
public interface ExpiredRecords {

    /** Deletes at most {@code batch} records older than {@code before}; returns how many went. */
    int purge(Instant before, int batch);

    /**
     * Deletes the notices of the privacy conversation ("we are deleting your data", "done") once they are final,
     * whatever their age, and the queue rows of their recipients left with nothing to send: after an erasure they are
     * the last rows that name the person. Returns how many records went.
     */
    int purgeSettledPrivacyNotices();
}
