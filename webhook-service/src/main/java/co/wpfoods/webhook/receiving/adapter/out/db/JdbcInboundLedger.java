package co.wpfoods.webhook.receiving.adapter.out.db;

import static co.wpfoods.webhook.privacy.application.PersonalDataColumns.RAW_WEBHOOK_BODY;

import co.wpfoods.schemas.wa.Role;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.webhook.receiving.application.InboundLedger;
import co.wpfoods.webhook.receiving.application.RawWebhook;
import co.wpfoods.webhook.receiving.domain.DedupKey;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dedup ledger and raw archive in the service's PostgreSQL (tables of V1__webhook_ledger.sql): each POST's bytes
 * are archived encrypted (AES-256-GCM), with the keyed hashes of the people it is about in {@code raw_webhook_party}.
 */
public class JdbcInboundLedger implements InboundLedger {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    public JdbcInboundLedger(JdbcClient jdbc, PersonalDataCipher cipher, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public void archive(List<Archived> posts) {
        int n = posts.size();
        String[] ids = new String[n];
        String[] receivedAt = new String[n];
        String[] requestIds = new String[n];
        String[] signatures = new String[n];
        int[] records = new int[n];
        byte[][] bodies = new byte[n][];
        List<String> partyWebhooks = new ArrayList<>();
        List<byte[]> partyHashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RawWebhook raw = posts.get(i).raw();
            ids[i] = UUID.randomUUID().toString();
            receivedAt[i] = raw.receivedAt().toString();
            requestIds[i] = raw.requestId();
            signatures[i] = raw.signature();
            records[i] = posts.get(i).records();
            bodies[i] = cipher.encryptBytes(raw.body() == null ? new byte[0] : raw.body(), RAW_WEBHOOK_BODY);
            for (String party : posts.get(i).parties()) {
                partyWebhooks.add(ids[i]);
                partyHashes.add(lookupHash.hash(party));
            }
        }
        jdbc.sql("""
                        INSERT INTO raw_webhook (id, received_at, request_id, signature, records, body_enc)
                        SELECT * FROM unnest(?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::int[], ?::bytea[])
                        """)
                .params(ids, receivedAt, requestIds, signatures, records, bodies)
                .update();
        if (!partyWebhooks.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO raw_webhook_party (webhook_id, party_hash)
                            SELECT * FROM unnest(?::uuid[], ?::bytea[]) ON CONFLICT DO NOTHING
                            """)
                    .params(partyWebhooks.toArray(String[]::new), partyHashes.toArray(byte[][]::new))
                    .update();
        }
    }

    @Override
    public Map<DedupKey, Claim> claim(List<ClaimRequest> requests) {
        String[] keys = requests.stream().map(r -> r.key().value()).toArray(String[]::new);
        String[] eventIds = requests.stream().map(r -> r.eventId().toString()).toArray(String[]::new);
        String[] kinds = requests.stream().map(ClaimRequest::kind).toArray(String[]::new);
        int[] deliveries = requests.stream().mapToInt(ClaimRequest::deliveries).toArray();
        Map<DedupKey, Claim> claims = new HashMap<>();
        // rows are inserted (and locked) in key order, so concurrent batches cannot deadlock
        jdbc.sql("""
                        INSERT INTO inbound_record (dedup_key, event_id, kind, deliveries)
                        SELECT k, e, kd, n FROM unnest(?::text[], ?::uuid[], ?::text[], ?::int[]) AS u(k, e, kd, n)
                        ORDER BY k
                        ON CONFLICT (dedup_key) DO UPDATE
                            SET deliveries = inbound_record.deliveries + EXCLUDED.deliveries, last_seen_at = now()
                        RETURNING dedup_key, (xmax = 0) AS first_seen, published, topic, role, rate_limited
                        """)
                .params(keys, eventIds, kinds, deliveries)
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
    public void settle(Map<DedupKey, Assignment> firstSeen, Collection<DedupKey> acknowledged) {
        Set<DedupKey> keys = new LinkedHashSet<>(firstSeen.keySet());
        keys.addAll(acknowledged);
        if (keys.isEmpty()) {
            return;
        }
        Set<DedupKey> acked = new HashSet<>(acknowledged);
        int n = keys.size();
        String[] key = new String[n];
        String[] topic = new String[n];
        String[] role = new String[n];
        String[] limited = new String[n];
        String[] published = new String[n];
        int i = 0;
        for (DedupKey k : keys) {
            Assignment assignment = firstSeen.get(k);
            key[i] = k.value();
            topic[i] = assignment == null ? null : assignment.topic();
            role[i] = assignment == null || assignment.role() == null
                    ? null
                    : assignment.role().name();
            limited[i] = assignment == null ? null : Boolean.toString(assignment.rateLimited());
            published[i] = Boolean.toString(acked.contains(k));
            i++;
        }
        jdbc.sql("""
                        UPDATE inbound_record r SET
                            topic = coalesce(u.t, r.topic),
                            role = CASE WHEN u.t IS NULL THEN r.role ELSE u.ro END,
                            rate_limited = coalesce(u.l, r.rate_limited),
                            published = r.published OR u.p,
                            published_at = CASE WHEN u.p AND NOT r.published THEN now() ELSE r.published_at END
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[]) AS u(k, t, ro, l, p)
                        WHERE r.dedup_key = u.k
                        """).params(key, topic, role, limited, published).update();
    }

    /**
     * Forgets events first seen before {@code before}. Archived payloads are purged by the retention job
     * ({@code privacy} slice: db-scheduler, once across replicas).
     */
    public int sweep(Instant dedupBefore) {
        return jdbc.sql("DELETE FROM inbound_record WHERE first_seen_at < ?")
                .param(Timestamp.from(dedupBefore))
                .update();
    }
}
