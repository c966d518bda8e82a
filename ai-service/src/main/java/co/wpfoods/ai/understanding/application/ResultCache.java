package co.wpfoods.ai.understanding.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A small LRU cache with a time to live, for answers to identical normalized requests. */
public final class ResultCache<V> {

    private record Slot<V>(V value, Instant expires) {}

    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Slot<V>> map;
    private long hits;
    private long misses;

    public ResultCache(int maxEntries, Duration ttl, Clock clock) {
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        this.clock = clock;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Slot<V>> eldest) {
                return size() > ResultCache.this.maxEntries;
            }
        };
    }

    public synchronized Optional<V> get(String key) {
        Slot<V> e = map.get(key);
        if (e == null || e.expires().isBefore(clock.instant())) {
            if (e != null) {
                map.remove(key);
            }
            misses++;
            return Optional.empty();
        }
        hits++;
        return Optional.of(e.value());
    }

    public synchronized void put(String key, V value) {
        if (maxEntries > 0) {
            map.put(key, new Slot<>(value, clock.instant().plus(ttl)));
        }
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }
}
