package co.wpfoods.webhook.adapter.out.db;

import co.wpfoods.webhook.application.LimitLedger;
import co.wpfoods.webhook.domain.LimitPeriod;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fixed-window counters in {@code inbound_usage}: one upsert per POST and sender covers the three windows. */
public class JdbcLimitLedger implements LimitLedger {

    private final JdbcClient jdbc;

    public JdbcLimitLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<LimitPeriod, Usage> count(String sender, Instant at, int count) {
        LimitPeriod[] periods = LimitPeriod.values();
        String[] names = new String[periods.length];
        String[] starts = new String[periods.length];
        for (int i = 0; i < periods.length; i++) {
            names[i] = periods[i].name();
            starts[i] = periods[i].windowStart(at).toString();
        }
        Map<LimitPeriod, Usage> usage = new EnumMap<>(LimitPeriod.class);
        jdbc.sql("""
                        INSERT INTO inbound_usage (sender, period, window_start, used)
                        SELECT ?, p, w, ? FROM unnest(?::text[], ?::timestamptz[]) AS u(p, w) ORDER BY p
                        ON CONFLICT (sender, period, window_start) DO UPDATE SET used = inbound_usage.used + EXCLUDED.used
                        RETURNING period, used, notified
                        """)
                .params(sender, count, names, starts)
                .query((rs, row) -> usage.put(
                        LimitPeriod.valueOf(rs.getString("period")),
                        new Usage(rs.getLong("used"), rs.getBoolean("notified"))))
                .list();
        return usage;
    }

    @Override
    public void markNotified(String sender, Instant at, Collection<LimitPeriod> periods) {
        for (LimitPeriod period : periods) {
            jdbc.sql("UPDATE inbound_usage SET notified = true WHERE sender = ? AND period = ? AND window_start = ?")
                    .params(sender, period.name(), Timestamp.from(period.windowStart(at)))
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
