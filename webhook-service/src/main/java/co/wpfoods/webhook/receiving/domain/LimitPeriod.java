package co.wpfoods.webhook.receiving.domain;

import java.time.Duration;
import java.time.Instant;

/** The fixed windows of the per-user inbound limits. */
public enum LimitPeriod {
    MINUTE(Duration.ofMinutes(1)),
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final Duration length;

    LimitPeriod(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    /** Start of the window {@code at} falls in (windows are aligned on the epoch, UTC). */
    public Instant windowStart(Instant at) {
        long millis = length.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), millis) * millis);
    }
}
