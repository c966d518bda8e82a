package co.wpfoods.messaging.sending.adapter.out.db;

import co.wpfoods.messaging.sending.application.ThroughputLimiter;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The number-wide rate limit as a shared send schedule (GCRA, the "virtual scheduling" form of a token bucket): one
 * row holds the theoretical arrival time {@code tat} of the next free slot. A replica reserves up to {@code k} slots in
 * one SQL statement under the row lock, using the database's clock, and sends each message at its slot.
 *
 * <p>Slots of all replicas together are spaced {@code (1 s + jitterAllowance) / rate} apart, so any {@code rate}
 * consecutive slots span at least {@code 1 s + jitterAllowance}: however Meta places its 1-second windows, a window
 * holds at most {@code rate} sends as long as no send reaches Meta more than {@code jitterAllowance} later, relative to
 * its slot, than one sent a second before it. A reserved slot is never lost to a replica that asks a little late, which
 * a plain bucket with a small capacity would lose.
 *
 * <p>Slot times come back on the database's clock and are placed on this JVM's {@link System#nanoTime()} with an
 * offset estimated from every reservation (the largest "sent − database now" seen lately, the NTP way): a reply that
 * took long to come back does not shift its slots late (which would bunch them with the next reservation's).
 */
public class PostgresSendSchedule implements ThroughputLimiter {

    private static final int OFFSET_SAMPLES = 64;

    private final JdbcClient jdbc;
    private final String name;
    private final double spacingSeconds;
    private final double horizonSeconds;
    private final double leadSeconds;
    private final int burst;
    private final long[] offsetSamples = new long[OFFSET_SAMPLES];
    private int offsetCount;

    /**
     * @param horizon how far ahead a replica may reserve slots (enough to cover one round trip to the database)
     * @param jitterAllowance how much later one send may reach Meta than another, relative to their slots, without
     *     a 1-second window ever holding more than {@code ratePerSecond}
     * @param lead no slot starts sooner than this after the database's now, so a slot is still ahead when its grant
     *     comes back (a slot already past on arrival would make its send late)
     */
    public PostgresSendSchedule(
            JdbcClient jdbc,
            String name,
            double ratePerSecond,
            int burst,
            Duration horizon,
            Duration jitterAllowance,
            Duration lead) {
        this.jdbc = jdbc;
        this.name = name;
        this.burst = Math.max(1, burst);
        this.spacingSeconds = (1.0 + jitterAllowance.toNanos() / 1e9) / ratePerSecond;
        this.horizonSeconds = horizon.toNanos() / 1e9;
        this.leadSeconds = lead.toNanos() / 1e9;
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
        long sentAt = System.nanoTime();
        Reply reply = jdbc.sql("""
                        WITH current AS (
                            SELECT name, clock_timestamp() AS now,
                                   clock_timestamp() + make_interval(secs => :lead) AS usable,
                                   greatest(tat, clock_timestamp() + make_interval(secs => :lead - :tolerance)) AS start
                            FROM rate_schedule WHERE name = :name FOR UPDATE),
                        plan AS (
                            SELECT name, now, start,
                                   greatest(0, least(:wanted,
                                       floor(extract(epoch FROM (usable - start)) / :spacing + :horizon / :spacing) + 1))::int AS k
                            FROM current)
                        UPDATE rate_schedule r SET tat = plan.start + make_interval(secs => plan.k * :spacing)
                        FROM plan WHERE r.name = plan.name
                        RETURNING plan.k AS granted,
                                  extract(epoch FROM plan.now)::float8 AS now_epoch,
                                  extract(epoch FROM plan.start)::float8 AS start_epoch,
                                  extract(epoch FROM (plan.now - plan.start)) / :spacing + 1 AS available
                        """)
                .param("name", name)
                .param("wanted", wanted)
                .param("spacing", spacingSeconds)
                .param("horizon", horizonSeconds)
                .param("tolerance", (burst - 1) * spacingSeconds)
                .param("lead", leadSeconds)
                .query((rs, n) -> new Reply(
                        rs.getInt("granted"),
                        rs.getDouble("now_epoch"),
                        rs.getDouble("start_epoch"),
                        rs.getDouble("available")))
                .single();
        long databaseNow = (long) (reply.nowEpoch() * 1e9);
        long offset = offset(sentAt - databaseNow);
        long firstSlotAt = offset + (long) (reply.startEpoch() * 1e9);
        double firstIn = reply.startEpoch() - reply.nowEpoch();
        // nothing granted: the next slot is further than the horizon; come back when it is within it
        Duration wait = reply.granted() > 0
                ? Duration.ZERO
                : Duration.ofNanos((long) Math.max(0, (firstIn - leadSeconds - horizonSeconds) * 1e9));
        return new Grant(
                reply.granted(),
                Math.max(firstSlotAt, sentAt),
                Duration.ofNanos((long) (spacingSeconds * 1e9)),
                Math.max(0, reply.available()),
                wait);
    }

    /**
     * {@code nanoTime − database clock}. A sample taken before the query reached the database underestimates it by
     * that one-way delay, so the largest recent sample is the best estimate (and a constant error shifts every slot
     * alike, which keeps their spacing).
     */
    private synchronized long offset(long sample) {
        offsetSamples[offsetCount++ % OFFSET_SAMPLES] = sample;
        long best = Long.MIN_VALUE;
        for (int i = 0; i < Math.min(offsetCount, OFFSET_SAMPLES); i++) {
            best = Math.max(best, offsetSamples[i]);
        }
        return best;
    }

    private record Reply(int granted, double nowEpoch, double startEpoch, double available) {}
}
