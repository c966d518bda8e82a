package co.wpfoods.ai.understanding.adapter.out.db;

import co.wpfoods.ai.understanding.application.provider.UsageLedger;
import co.wpfoods.ai.understanding.application.provider.UsageRecord;
import co.wpfoods.security.crypto.LookupHash;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cost ledger in ai-service's own PostgreSQL. Correlation ids often name a conversation by the person's number
 * ({@code conv:<number>}): they are stored only as keyed hashes (Ley 1581), enough to count distinct conversations.
 */
public final class JdbcUsageLedger implements UsageLedger {

    private final JdbcClient jdbc;
    private final LookupHash lookupHash;
    private final Clock clock;

    public JdbcUsageLedger(JdbcClient jdbc, LookupHash lookupHash, Clock clock) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
        this.clock = clock;
    }

    private byte[] hashed(String correlationId) {
        return correlationId == null ? null : lookupHash.hash(correlationId);
    }

    @Override
    public void record(UsageRecord r) {
        jdbc.sql("""
                        insert into ai_usage (at, provider, model, operation, input_tokens, output_tokens, cost_usd, latency_ms, outcome, correlation_hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        Timestamp.from(r.at()),
                        r.provider(),
                        r.model(),
                        r.operation(),
                        r.inputTokens(),
                        r.outputTokens(),
                        r.costUsd(),
                        r.latencyMillis(),
                        r.outcome().name(),
                        hashed(r.correlationId()))
                .update();
    }

    @Override
    public List<Summary> summary(Instant from) {
        return jdbc.sql("""
                        select provider, model, outcome, count(*) as calls, coalesce(sum(input_tokens), 0) as tin,
                               coalesce(sum(output_tokens), 0) as tout, coalesce(sum(cost_usd), 0) as cost
                        from ai_usage where at >= ? group by provider, model, outcome order by provider, model, outcome
                        """)
                .param(Timestamp.from(from))
                .query((rs, n) -> new Summary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getBigDecimal(7)))
                .list();
    }

    @Override
    public Volume volume(Instant from) {
        return jdbc.sql("select count(*), count(distinct correlation_hash) from ai_message where at >= ?")
                .param(Timestamp.from(from))
                .query((rs, n) -> new Volume(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    @Override
    public void countMessage(String engine, String correlationId) {
        jdbc.sql("insert into ai_message (at, engine, correlation_hash) values (?, ?, ?)")
                .params(Timestamp.from(clock.instant()), engine, hashed(correlationId))
                .update();
    }
}
