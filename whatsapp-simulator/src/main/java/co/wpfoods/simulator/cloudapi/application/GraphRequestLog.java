package co.wpfoods.simulator.cloudapi.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Graph API message sends the simulator received, newest last, with their headers (the bearer token masked) and
 * bodies: tests read them to check what WPFoods sent, e.g. the W3C {@code traceparent} of its trace. Keeps the last
 * {@code capacity} requests.
 */
public final class GraphRequestLog {

    /**
     * One request as it arrived: header names in lower case, each with its first value; {@code receivedAtMs} is the
     * same moment as {@code receivedAt} in epoch milliseconds (the simulator's own record, for latencies; Meta's
     * payloads carry seconds).
     */
    public record GraphRequest(
            Instant receivedAt,
            long receivedAtMs,
            String method,
            String path,
            Map<String, String> headers,
            String body) {}

    private final Deque<GraphRequest> requests = new ArrayDeque<>();
    private final int capacity;
    private final Clock clock;

    public GraphRequestLog(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    public GraphRequest record(String method, String path, Map<String, String> headers, String body) {
        Map<String, String> kept = new TreeMap<>();
        headers.forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            kept.putIfAbsent(key, key.equals("authorization") ? mask(value) : value);
        });
        Instant now = clock.instant();
        GraphRequest request = new GraphRequest(now, now.toEpochMilli(), method, path, Map.copyOf(kept), body);
        synchronized (requests) {
            requests.addLast(request);
            while (requests.size() > capacity) {
                requests.removeFirst();
            }
        }
        return request;
    }

    public List<GraphRequest> all() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }

    /** The scheme and the token's last four characters: enough to tell tokens apart, not enough to use one. */
    static String mask(String authorization) {
        if (authorization == null) {
            return null;
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? "" : authorization.substring(0, space + 1);
        String token = space < 0 ? authorization : authorization.substring(space + 1);
        return scheme + "…" + (token.length() > 8 ? token.substring(token.length() - 4) : "");
    }
}
