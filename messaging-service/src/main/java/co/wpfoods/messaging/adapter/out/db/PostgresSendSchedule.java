package co.wpfoods.messaging.adapter.out.db;

import co.wpfoods.messaging.application.ThroughputLimiter;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The number-wide rate limit as a shared send schedule (GCRA, the "virtual scheduling" form of a token bucket): one
 * row holds the theoretical arrival time {@code tat} of the next free slot. A replica reserves up to {@code k} slots
 * {@code 1/rate} apart in one SQL statement under the row lock, using the database's clock, and sends each message at
 * its slot. Slots of all replicas together are spaced {@code 1/rate} apart, so no 1-second window holds more than
 * {@code rate + burst - 1} sends (plus the wake-up jitter of the sender), and a reserved slot is never lost to a replica
 * that asks a little late — which a plain bucket with a small capacity would lose.
 */
public class PostgresSendSchedule implements ThroughputLimiter {

    private final JdbcClient jdbc;
    private final String name;
    private final double spacingSeconds;
    private final double horizonSeconds;
    private final int burst;

    /**
     * @param horizon how far ahead a replica may reserve slots (enough to cover one round trip to the database)
     */
    public PostgresSendSchedule(JdbcClient jdbc, String name, double ratePerSecond, int burst, Duration horizon) {
        this.jdbc = jdbc;
        this.name = name;
        this.burst = Math.max(1, burst);
        this.spacingSeconds = 1.0 / ratePerSecond;
        this.horizonSeconds = horizon.toNanos() / 1e9;
        // the last replica to start decides the rate; all replicas share one configuration
        jdbc.sql("""
                        INSERT INTO rate_schedule (name, rate_per_second, burst, tat) VALUES (:name, :rate, :burst, clock_timestamp())
                        ON CONFLICT (name) DO UPDATE SET rate_per_second = excluded.rate_per_second, burst = excluded.burst
                        """)
                .param("name", name)
                .param("rate", ratePerSecond)
                .param("burst", this.burst)
                .update();
    }

    @Override
    public Grant tryAcquire(int wanted) {
        return jdbc.sql("""
                        WITH current AS (
                            SELECT name, clock_timestamp() AS now,
                                   greatest(tat, clock_timestamp() - make_interval(secs => :tolerance)) AS start
                            FROM rate_schedule WHERE name = :name FOR UPDATE),
                        plan AS (
                            SELECT name, now, start,
                                   greatest(0, least(:wanted,
                                       floor(extract(epoch FROM (now - start)) / :spacing + :horizon / :spacing) + 1))::int AS k
                            FROM current)
                        UPDATE rate_schedule r SET tat = plan.start + make_interval(secs => plan.k * :spacing)
                        FROM plan WHERE r.name = plan.name
                        RETURNING plan.k AS granted,
                                  extract(epoch FROM (plan.start - plan.now)) AS first_in,
                                  extract(epoch FROM (plan.now - plan.start)) / :spacing + 1 AS available
                        """)
                .param("name", name)
                .param("wanted", wanted)
                .param("spacing", spacingSeconds)
                .param("horizon", horizonSeconds)
                .param("tolerance", (burst - 1) * spacingSeconds)
                .query((rs, n) -> {
                    int granted = rs.getInt("granted");
                    double firstIn = rs.getDouble("first_in");
                    Duration first = Duration.ofNanos((long) Math.max(0, firstIn * 1e9));
                    // nothing granted: the next slot is further than the horizon; come back when it is within it
                    Duration wait = granted > 0
                            ? Duration.ZERO
                            : Duration.ofNanos((long) Math.max(0, (firstIn - horizonSeconds) * 1e9));
                    return new Grant(
                            granted,
                            first,
                            Duration.ofNanos((long) (spacingSeconds * 1e9)),
                            Math.max(0, rs.getDouble("available")),
                            wait);
                })
                .single();
    }
}
