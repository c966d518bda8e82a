package co.wpfoods.ai.recommendation.application;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How often each item was ordered per zone and hour of day (a read model, in memory). */
public final class PopularityBoard {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void record(String zone, int hour, String itemId, int quantity) {
        counts.computeIfAbsent(key(zone, hour, itemId), k -> new LongAdder()).add(quantity);
    }

    /** Orders of the item in the zone within an hour either side of {@code hour}. */
    public long score(String zone, int hour, String itemId) {
        long s = 0;
        for (int h = hour - 1; h <= hour + 1; h++) {
            LongAdder a = counts.get(key(zone, (h + 24) % 24, itemId));
            s += a == null ? 0 : a.sum();
        }
        return s;
    }

    private static String key(String zone, int hour, String itemId) {
        return (zone == null ? "" : zone.toLowerCase(java.util.Locale.ROOT)) + "|" + hour + "|" + itemId;
    }
}
