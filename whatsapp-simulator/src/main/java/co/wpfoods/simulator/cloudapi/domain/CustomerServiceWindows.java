package co.wpfoods.simulator.cloudapi.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 24-hour customer service window per user (reference §6.7): opened and extended only by
 * messages FROM the user; outside it only templates may be sent.
 */
public final class CustomerServiceWindows {

    private final Duration length;
    private final Map<String, Instant> lastInbound = new ConcurrentHashMap<>();

    public CustomerServiceWindows(Duration length) {
        this.length = length;
    }

    public void userMessaged(String waId, Instant at) {
        lastInbound.merge(waId, at, (old, now) -> now.isAfter(old) ? now : old);
    }

    public boolean isOpen(String waId, Instant now) {
        Instant last = lastInbound.get(waId);
        return last != null && now.isBefore(last.plus(length));
    }

    public void clear() {
        lastInbound.clear();
    }
}
