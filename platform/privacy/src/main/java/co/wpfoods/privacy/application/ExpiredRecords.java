package co.wpfoods.privacy.application;

import java.time.Instant;

/**
 * A service's records past their retention period (what they are is the service's: archived webhooks, the outbound
 * log). Declared as a bean, it switches the kit's retention task on.
 */
public interface ExpiredRecords {

    /** Deletes at most {@code batch} records older than {@code before}; returns how many went. */
    int purge(Instant before, int batch);
}
