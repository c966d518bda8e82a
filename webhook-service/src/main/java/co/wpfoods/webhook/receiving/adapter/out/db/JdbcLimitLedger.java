package co.wpfoods.webhook.receiving.adapter.out.db;

import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.webhook.receiving.application.LimitLedger;
import co.wpfoods.webhook.receiving.domain.LimitPeriod;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fixed-window counters in {@code inbound_usage}: one upsert per POST and sender covers the three windows. The sender
 * is stored as the keyed hash of their number (or Meta user id), never in clear.
 */
public class JdbcLimitLedger implements LimitLedger {

    private final JdbcClient jdbc;
    private final LookupHash lookupHash;

    public JdbcLimitLedger(JdbcClient jdbc, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
    }

    @Override
    public Map<String, Map<LimitPeriod, Usage>> count(Map<String, Integer> countsBySender, Instant at) {
        LimitPeriod[] periods = LimitPeriod.values();
        int n = countsBySender.size() * periods.length;
        byte[][] senders = new byte[n][];
        Map<String, String> senderByHash = new HashMap<>();
        String[] names = new String[n];
        String[] starts = new String[n];
        int[] counts = new int[n];
        int i = 0;
        for (Map.Entry<String, Integer> sender : countsBySender.entrySet()) {
            byte[] hash = lookupHash.hash(sender.getKey());
            senderByHash.put(HexFormat.of().formatHex(hash), sender.getKey());
            for (LimitPeriod period : periods) {
                senders[i] = hash;
                names[i] = period.name();
                starts[i] = period.windowStart(at).toString();
                counts[i] = sender.getValue();
                i++;
            }
        }
        Map<String, Map<LimitPeriod, Usage>> usage = new HashMap<>();
        // windows are locked in (sender, period) order, so concurrent batches cannot deadlock on them
        jdbc.sql("""
                        INSERT INTO inbound_usage (sender_hash, period, window_start, used)
                        SELECT s, p, w, c FROM unnest(?::bytea[], ?::text[], ?::timestamptz[], ?::int[]) AS u(s, p, w, c)
                        ORDER BY s, p
                        ON CONFLICT (sender_hash, period, window_start)
                            DO UPDATE SET used = inbound_usage.used + EXCLUDED.used
                        RETURNING sender_hash, period, used, notified
                        """)
                .params(senders, names, starts, counts)
                .query((rs, row) -> usage.computeIfAbsent(
                                senderByHash.get(HexFormat.of().formatHex(rs.getBytes("sender_hash"))),
                                s -> new EnumMap<>(LimitPeriod.class))
                        .put(
                                LimitPeriod.valueOf(rs.getString("period")),
                                new Usage(rs.getLong("used"), rs.getBoolean("notified"))))
                .list();
        return usage;
    }

    @Override
    public void markNotified(String sender, Instant at, Collection<LimitPeriod> periods) {
        for (LimitPeriod period : periods) {
            jdbc.sql("UPDATE inbound_usage SET notified = true WHERE sender_hash = ? AND period = ?"
                            + " AND window_start = ?")
                    .params(lookupHash.hash(sender), period.name(), Timestamp.from(period.windowStart(at)))
                    .update();
        }
    }

    /** Forgets windows that started before {@code before}. */
    public int sweep(Instant before) {
        return jdbc.sql("DELETE FROM inbound_usage WHERE window_start < ?")
                .param(Timestamp.from(before))
                .update();
    }
}
