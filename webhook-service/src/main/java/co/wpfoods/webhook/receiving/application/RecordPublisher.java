package co.wpfoods.webhook.receiving.application;

import java.util.concurrent.CompletableFuture;

/** Sends records to Kafka; the future completes when Kafka acknowledged the record (acks=all). */
public interface RecordPublisher {

    /** Never throws: a send that cannot start completes the future exceptionally. */
    CompletableFuture<?> publish(OutgoingRecord record);

    /**
     * Drops every record sent but not yet acknowledged, so that nothing we answered 503 for lands later (Meta's
     * retry publishes it). Concurrent sends in flight fail too and their POSTs are answered 503 as well.
     */
    void abandonUnacknowledged();
}
