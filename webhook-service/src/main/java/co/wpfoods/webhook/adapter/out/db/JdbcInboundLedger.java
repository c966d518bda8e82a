package co.wpfoods.webhook.adapter.out.db;

import co.wpfoods.schemas.wa.Role;
import co.wpfoods.webhook.application.InboundLedger;
import co.wpfoods.webhook.application.RawWebhook;
import co.wpfoods.webhook.domain.DedupKey;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dedup ledger and raw archive in the service's PostgreSQL (tables of V1__webhook_ledger.sql). */
public class JdbcInboundLedger implements InboundLedger {

    private final JdbcClient jdbc;

    public JdbcInboundLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void limitLockWait(Duration wait) {
        // SET LOCAL takes no bind parameters; the value is a number we computed
        jdbc.sql("SET LOCAL lock_timeout = '" + Math.max(1, wait.toMillis()) + "ms'")
                .update();
    }

    @Override
    public void archive(RawWebhook raw, int records) {
        jdbc.sql("""
                        INSERT INTO raw_webhook (id, received_at, request_id, signature, records, body)
                        VALUES (:id, :receivedAt, :requestId, :signature, :records, :body)
                        """)
                .param("id", UUID.randomUUID())
                .param("receivedAt", Timestamp.from(raw.receivedAt()))
                .param("requestId", raw.requestId())
                .param("signature", raw.signature())
                .param("records", records)
                .param("body", raw.body())
                .update();
    }

    @Override
    public Map<DedupKey, Claim> claim(List<ClaimRequest> requests) {
        String[] keys = requests.stream().map(r -> r.key().value()).toArray(String[]::new);
        String[] eventIds = requests.stream().map(r -> r.eventId().toString()).toArray(String[]::new);
        String[] kinds = requests.stream().map(ClaimRequest::kind).toArray(String[]::new);
        Map<DedupKey, Claim> claims = new HashMap<>();
        // rows are inserted (and locked) in key order, so concurrent batches cannot deadlock
        jdbc.sql("""
                        INSERT INTO inbound_record (dedup_key, event_id, kind)
                        SELECT k, e, kd FROM unnest(?::text[], ?::uuid[], ?::text[]) AS u(k, e, kd) ORDER BY k
                        ON CONFLICT (dedup_key) DO UPDATE
                            SET deliveries = inbound_record.deliveries + 1, last_seen_at = now()
                        RETURNING dedup_key, (xmax = 0) AS first_seen, published, topic, role, rate_limited
                        """)
                .params(keys, eventIds, kinds)
                .query((rs, row) -> {
                    String topic = rs.getString("topic");
                    String role = rs.getString("role");
                    Assignment assignment = topic == null
                            ? null
                            : new Assignment(
                                    topic, role == null ? null : Role.valueOf(role), rs.getBoolean("rate_limited"));
                    claims.put(
                            new DedupKey(rs.getString("dedup_key")),
                            new Claim(rs.getBoolean("first_seen"), rs.getBoolean("published"), assignment));
                    return null;
                })
                .list();
        return claims;
    }

    @Override
    public void assign(Map<DedupKey, Assignment> assignments) {
        String[] keys = new String[assignments.size()];
        String[] topics = new String[assignments.size()];
        String[] roles = new String[assignments.size()];
        String[] limited = new String[assignments.size()];
        int i = 0;
        for (var entry : assignments.entrySet()) {
            keys[i] = entry.getKey().value();
            topics[i] = entry.getValue().topic();
            roles[i] = entry.getValue().role() == null
                    ? null
                    : entry.getValue().role().name();
            limited[i] = Boolean.toString(entry.getValue().rateLimited());
            i++;
        }
        jdbc.sql("""
                        UPDATE inbound_record r SET topic = u.t, role = u.ro, rate_limited = u.l
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::boolean[]) AS u(k, t, ro, l)
                        WHERE r.dedup_key = u.k
                        """).params(keys, topics, roles, limited).update();
    }

    @Override
    public void markPublished(Collection<DedupKey> keys) {
        jdbc.sql("UPDATE inbound_record SET published = true, published_at = now() WHERE dedup_key = ANY(?::text[])")
                .param(keys.stream().map(DedupKey::value).toArray(String[]::new))
                .update();
    }

    /** Forgets events first seen before {@code before}, and archived payloads older than {@code archiveBefore}. */
    public int sweep(Instant dedupBefore, Instant archiveBefore) {
        int records = jdbc.sql("DELETE FROM inbound_record WHERE first_seen_at < ?")
                .param(Timestamp.from(dedupBefore))
                .update();
        int archived = jdbc.sql("DELETE FROM raw_webhook WHERE received_at < ?")
                .param(Timestamp.from(archiveBefore))
                .update();
        return records + archived;
    }
}
