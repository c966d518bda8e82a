package co.wpfoods.webhook.application;

import java.util.concurrent.CompletableFuture;

/** Sends records to Kafka; the future completes when Kafka acknowledged the record (acks=all). */
public interface RecordPublisher {

    /** Never throws: a send that cannot start completes the future exceptionally. */
    CompletableFuture<?> publish(OutgoingRecord record);
}
