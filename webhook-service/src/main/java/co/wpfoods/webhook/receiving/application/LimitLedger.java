package co.wpfoods.webhook.receiving.application;

import co.wpfoods.webhook.receiving.domain.LimitPeriod;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Per-sender message counts per fixed window, shared by every replica (inside the caller's transaction). */
public interface LimitLedger {

    /**
     * Adds each sender's count of new messages to every window {@code at} falls in; returns each sender's windows
     * after counting. One statement for all senders, which locks their windows in (sender, period) order.
     */
    Map<String, Map<LimitPeriod, Usage>> count(Map<String, Integer> countsBySender, Instant at);

    void markNotified(String sender, Instant at, Collection<LimitPeriod> periods);

    record Usage(long used, boolean notified) {}
}
