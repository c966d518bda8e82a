package co.wpfoods.messaging.adapter.out.db;

import co.wpfoods.messaging.application.OutboundLog;
import co.wpfoods.messaging.domain.MessageState;
import co.wpfoods.messaging.domain.OutboundKindView;
import co.wpfoods.messaging.domain.PairBucket;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbound log and recipient queues in PostgreSQL (see {@code V1__outbound_log.sql}). */
public class JdbcOutboundLog implements OutboundLog {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final int pairBurst;

    public JdbcOutboundLog(JdbcClient jdbc, TransactionTemplate tx, int pairBurst) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.pairBurst = pairBurst;
    }

    @Override
    public boolean enqueue(NewMessage m) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            if (!insert(m, MessageState.QUEUED, null, null)) {
                return false;
            }
            jdbc.sql("""
                            INSERT INTO recipient_queue (recipient, pending, pair_tokens) VALUES (:r, 1, :burst)
                            ON CONFLICT (recipient) DO UPDATE SET pending = recipient_queue.pending + 1
                            """)
                    .param("r", m.recipient())
                    .param("burst", (double) pairBurst)
                    .update();
            return true;
        }));
    }

    @Override
    public boolean recordRejected(NewMessage m, Integer errorCode, String reason) {
        return insert(m, MessageState.DEAD_LETTERED, errorCode, reason);
    }

    private boolean insert(NewMessage m, MessageState state, Integer errorCode, String reason) {
        return jdbc.sql("""
                        INSERT INTO outbound_message (command_id, recipient, kind, correlation_id, command, state,
                                                      fallback_of, produced_at, error_code, error_message)
                        VALUES (:id, :r, :kind, :corr, :cmd, :state, :fallbackOf, :producedAt, :code, :reason)
                        ON CONFLICT (command_id) DO NOTHING
                        """)
                        .param("id", m.commandId())
                        .param("r", m.recipient())
                        .param("kind", m.kind().name())
                        .param("corr", m.correlationId())
                        .param("cmd", m.command())
                        .param("state", state.dbValue())
                        .param("fallbackOf", m.fallbackOf())
                        .param("producedAt", m.producedAt() == null ? null : Timestamp.from(m.producedAt()))
                        .param("code", errorCode)
                        .param("reason", reason)
                        .update()
                == 1;
    }

    @Override
    public List<Claimed> claim(String owner, int max, Duration lease) {
        List<Object[]> recipients = jdbc.sql("""
                        WITH ready AS (
                            SELECT recipient FROM recipient_queue
                            WHERE pending > 0 AND next_attempt_at <= clock_timestamp()
                              AND (lease_until IS NULL OR lease_until < clock_timestamp())
                            ORDER BY next_attempt_at
                            LIMIT :max
                            FOR UPDATE SKIP LOCKED)
                        UPDATE recipient_queue q
                        SET lease_owner = :owner, lease_until = clock_timestamp() + make_interval(secs => :lease)
                        FROM ready WHERE q.recipient = ready.recipient
                        RETURNING q.recipient, q.pair_tokens, q.pair_updated_at, q.pair_backoff_exponent
                        """)
                .param("max", max)
                .param("owner", owner)
                .param("lease", lease.toMillis() / 1000.0)
                .query((rs, n) -> new Object[] {
                    rs.getString(1), rs.getDouble(2), rs.getTimestamp(3).toInstant(), rs.getInt(4)
                })
                .list();
        if (recipients.isEmpty()) {
            return List.of();
        }
        String[] names = recipients.stream().map(r -> (String) r[0]).toArray(String[]::new);
        Map<String, Head> heads = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (recipient) recipient, command_id, kind, state, attempts, command, enqueued_at
                        FROM outbound_message
                        WHERE recipient = ANY(:names) AND state IN ('queued', 'sending')
                        ORDER BY recipient, seq
                        """).param("names", names).query((ResultSet rs) -> {
            heads.put(
                    rs.getString("recipient"),
                    new Head(
                            rs.getString("command_id"),
                            OutboundKindView.valueOf(rs.getString("kind")),
                            MessageState.fromDb(rs.getString("state")),
                            rs.getInt("attempts"),
                            rs.getBytes("command"),
                            rs.getTimestamp("enqueued_at").toInstant()));
        });
        List<Claimed> claimed = new ArrayList<>(recipients.size());
        for (Object[] r : recipients) {
            String name = (String) r[0];
            claimed.add(new Claimed(name, new PairBucket((double) r[1], (Instant) r[2]), (int) r[3], heads.get(name)));
        }
        return claimed;
    }

    @Override
    public Map<String, Instant> lastInbound(Collection<String> recipients) {
        Map<String, Instant> windows = new HashMap<>();
        jdbc.sql("SELECT recipient, last_inbound_at FROM customer_window WHERE recipient = ANY(:names)")
                .param("names", recipients.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    windows.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        return windows;
    }

    @Override
    public boolean markSending(String commandId) {
        return jdbc.sql("""
                        UPDATE outbound_message SET state = 'sending', attempts = attempts + 1,
                               sending_at = clock_timestamp(), updated_at = clock_timestamp()
                        WHERE command_id = :id AND state = 'queued'
                        """).param("id", commandId).update() == 1;
    }

    @Override
    public boolean markAccepted(String commandId, String wamid, boolean asFallback) {
        return jdbc.sql("""
                        UPDATE outbound_message SET state = 'accepted', wamid = :wamid, sent_as_fallback = :fallback,
                               accepted_at = clock_timestamp(), updated_at = clock_timestamp(),
                               error_code = NULL, error_message = NULL
                        WHERE command_id = :id AND state = 'sending'
                        """)
                        .param("id", commandId)
                        .param("wamid", wamid)
                        .param("fallback", asFallback)
                        .update()
                == 1;
    }

    @Override
    public boolean requeue(String commandId, boolean countAttempt, Integer errorCode, String errorMessage) {
        return jdbc.sql("""
                        UPDATE outbound_message SET state = 'queued',
                               attempts = CASE WHEN :count THEN attempts ELSE greatest(attempts - 1, 0) END,
                               error_code = :code, error_message = :message, updated_at = clock_timestamp()
                        WHERE command_id = :id AND state = 'sending'
                        """)
                        .param("id", commandId)
                        .param("count", countAttempt)
                        .param("code", errorCode)
                        .param("message", errorMessage)
                        .update()
                == 1;
    }

    @Override
    public boolean markDeadLettered(String commandId, Integer errorCode, String reason) {
        return jdbc.sql("""
                        UPDATE outbound_message SET state = 'dead_lettered', error_code = :code, error_message = :reason,
                               updated_at = clock_timestamp()
                        WHERE command_id = :id AND state IN ('queued', 'sending', 'uncertain')
                        """)
                        .param("id", commandId)
                        .param("code", errorCode)
                        .param("reason", reason)
                        .update()
                == 1;
    }

    @Override
    public boolean markUncertain(String commandId) {
        return jdbc.sql("""
                        UPDATE outbound_message SET state = 'uncertain', updated_at = clock_timestamp()
                        WHERE command_id = :id AND state = 'sending'
                        """).param("id", commandId).update() == 1;
    }

    @Override
    public void release(String recipient, String owner, Instant nextAttemptAt, PairBucket pair, int exponent) {
        jdbc.sql("""
                        UPDATE recipient_queue SET
                            next_attempt_at = :next, pair_tokens = :tokens, pair_updated_at = :pairAt,
                            pair_backoff_exponent = :exponent, lease_owner = NULL, lease_until = NULL,
                            pending = (SELECT count(*) FROM outbound_message m
                                       WHERE m.recipient = :r AND m.state IN ('queued', 'sending'))
                        WHERE recipient = :r AND lease_owner = :owner
                        """)
                .param("r", recipient)
                .param("owner", owner)
                .param("next", Timestamp.from(nextAttemptAt))
                .param("tokens", pair.tokens())
                .param("pairAt", Timestamp.from(pair.updatedAt()))
                .param("exponent", exponent)
                .update();
    }

    @Override
    public void touchWindow(String recipient, Instant sentAt, String messageId) {
        jdbc.sql("""
                        INSERT INTO customer_window (recipient, last_inbound_at, last_message_id) VALUES (:r, :at, :id)
                        ON CONFLICT (recipient) DO UPDATE
                        SET last_inbound_at = excluded.last_inbound_at, last_message_id = excluded.last_message_id
                        WHERE customer_window.last_inbound_at < excluded.last_inbound_at
                        """)
                .param("r", recipient)
                .param("at", Timestamp.from(sentAt))
                .param("id", messageId)
                .update();
    }

    @Override
    public Optional<Tracked> findByWamid(String wamid) {
        return jdbc.sql(TRACKED + " WHERE wamid = :key")
                .param("key", wamid)
                .query(JdbcOutboundLog::tracked)
                .optional();
    }

    @Override
    public Optional<Tracked> findByCommandId(String commandId) {
        return jdbc.sql(TRACKED + " WHERE command_id = :key")
                .param("key", commandId)
                .query(JdbcOutboundLog::tracked)
                .optional();
    }

    private static final String TRACKED =
            "SELECT command_id, recipient, state, wamid, command, sent_as_fallback, fallback_of FROM outbound_message";

    private static Tracked tracked(ResultSet rs, int n) throws SQLException {
        return new Tracked(
                rs.getString("command_id"),
                rs.getString("recipient"),
                MessageState.fromDb(rs.getString("state")),
                rs.getString("wamid"),
                rs.getBytes("command"),
                rs.getBoolean("sent_as_fallback"),
                rs.getString("fallback_of"));
    }

    @Override
    public boolean applyStatus(
            String commandId, MessageState expected, MessageState next, String wamid, Integer code, String message) {
        return jdbc.sql("""
                        UPDATE outbound_message SET state = :next, wamid = coalesce(wamid, :wamid),
                               error_code = coalesce(:code, error_code), error_message = coalesce(:message, error_message),
                               status_at = clock_timestamp(), updated_at = clock_timestamp()
                        WHERE command_id = :id AND state = :expected
                        """)
                        .param("id", commandId)
                        .param("expected", expected.dbValue())
                        .param("next", next.dbValue())
                        .param("wamid", wamid)
                        .param("code", code)
                        .param("message", message)
                        .update()
                == 1;
    }

    @Override
    public long queueDepth() {
        return jdbc.sql("SELECT count(*) FROM outbound_message WHERE state IN ('queued', 'sending')")
                .query(Long.class)
                .single();
    }

    @Override
    public long recipientsInBackoff() {
        return jdbc.sql(
                        "SELECT count(*) FROM recipient_queue WHERE pending > 0 AND next_attempt_at > clock_timestamp()")
                .query(Long.class)
                .single();
    }
}
