package co.wpfoods.webhook.application;

import co.wpfoods.webhook.domain.LimitPeriod;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Per-sender message counts per fixed window, shared by every replica (inside the caller's transaction). */
public interface LimitLedger {

    /** Adds {@code count} messages to each window {@code at} falls in; returns the windows after counting. */
    Map<LimitPeriod, Usage> count(String sender, Instant at, int count);

    void markNotified(String sender, Instant at, Collection<LimitPeriod> periods);

    record Usage(long used, boolean notified) {}
}
