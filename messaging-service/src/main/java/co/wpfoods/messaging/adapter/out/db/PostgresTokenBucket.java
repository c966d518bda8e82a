package co.wpfoods.messaging.adapter.out.db;

import co.wpfoods.messaging.application.ThroughputLimiter;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The number-wide token bucket, one row shared by every replica. Refill and take happen in one SQL statement under
 * the row lock, with the database's clock, so replicas never disagree about time and together never take more than
 * {@code capacity + rate × t} tokens in any interval t.
 */
public class PostgresTokenBucket implements ThroughputLimiter {

    private final JdbcClient jdbc;
    private final String name;
    private final double ratePerSecond;

    public PostgresTokenBucket(JdbcClient jdbc, String name, double ratePerSecond, double capacity) {
        this.jdbc = jdbc;
        this.name = name;
        this.ratePerSecond = ratePerSecond;
        // the last replica to start decides rate and capacity; all replicas share one configuration
        jdbc.sql("""
                        INSERT INTO rate_bucket (name, rate_per_second, capacity, tokens, updated_at)
                        VALUES (:name, :rate, :capacity, 0, clock_timestamp())
                        ON CONFLICT (name) DO UPDATE SET rate_per_second = excluded.rate_per_second,
                            capacity = excluded.capacity, tokens = least(rate_bucket.tokens, excluded.capacity)
                        """)
                .param("name", name)
                .param("rate", ratePerSecond)
                .param("capacity", capacity)
                .update();
    }

    @Override
    public Grant tryAcquire(int wanted) {
        return jdbc.sql("""
                        WITH current AS (
                            SELECT name, clock_timestamp() AS now,
                                   least(capacity, tokens + extract(epoch FROM clock_timestamp() - updated_at) * rate_per_second) AS available
                            FROM rate_bucket WHERE name = :name FOR UPDATE)
                        UPDATE rate_bucket b
                        SET tokens = current.available - least(:wanted, floor(current.available)), updated_at = current.now
                        FROM current WHERE b.name = current.name
                        RETURNING least(:wanted, floor(current.available))::int AS granted,
                                  current.available - least(:wanted, floor(current.available)) AS left_over
                        """)
                .param("name", name)
                .param("wanted", wanted)
                .query((rs, n) -> {
                    int granted = rs.getInt("granted");
                    double left = rs.getDouble("left_over");
                    long waitNanos = (long) Math.ceil(Math.max(0, 1 - left) / ratePerSecond * 1e9);
                    return new Grant(granted, left, Duration.ofNanos(waitNanos));
                })
                .single();
    }
}
