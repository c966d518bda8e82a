package co.wpfoods.ai.understanding.application.provider;

import java.time.Instant;
import java.util.List;

/** Port: where every provider call is recorded, and summed. */
public interface UsageLedger {

    void record(UsageRecord record);

    /** Totals per provider, model and outcome since {@code from}. */
    List<Summary> summary(Instant from);

    /** How many understood messages and distinct correlation ids (orders, conversations) since {@code from}. */
    Volume volume(Instant from);

    /** Counts one message answered (by any engine), for cost per 1,000 messages. */
    void countMessage(String engine, String correlationId);

    record Summary(
            String provider,
            String model,
            String outcome,
            long calls,
            long inputTokens,
            long outputTokens,
            java.math.BigDecimal costUsd) {}

    record Volume(long messages, long correlations) {}
}
