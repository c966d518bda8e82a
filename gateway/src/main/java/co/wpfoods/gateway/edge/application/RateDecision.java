package co.wpfoods.gateway.edge.application;

import java.time.Duration;

/** Whether one request may pass the per-client rate limit, and if not, when to try again. */
public record RateDecision(boolean allowed, Duration retryAfter) {

    static RateDecision allow() {
        return new RateDecision(true, Duration.ZERO);
    }

    static RateDecision deny(Duration retryAfter) {
        return new RateDecision(false, retryAfter);
    }

    /** Whole seconds for a {@code Retry-After} header, at least 1. */
    public long retryAfterSeconds() {
        long seconds = (retryAfter.toNanos() + 999_999_999L) / 1_000_000_000L;
        return Math.max(1, seconds);
    }
}
