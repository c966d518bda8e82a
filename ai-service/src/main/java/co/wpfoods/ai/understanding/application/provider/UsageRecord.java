package co.wpfoods.ai.understanding.application.provider;

import java.math.BigDecimal;
import java.time.Instant;

/** One provider call as recorded in the cost ledger. */
public record UsageRecord(
        Instant at,
        String provider,
        String model,
        String operation,
        long inputTokens,
        long outputTokens,
        BigDecimal costUsd,
        long latencyMillis,
        Outcome outcome,
        String correlationId) {

    public enum Outcome {
        OK,
        TIMEOUT,
        ERROR,
        MALFORMED,
        REJECTED,
        QUOTA_EXHAUSTED,
        CIRCUIT_OPEN
    }
}
