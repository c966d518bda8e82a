package co.wpfoods.messaging.sending.adapter.out.db;

import co.wpfoods.messaging.sending.application.OutboundLog;
import co.wpfoods.messaging.sending.application.PersonalDataColumns;
import co.wpfoods.messaging.sending.domain.MessageState;
import co.wpfoods.messaging.sending.domain.OutboundKindView;
import co.wpfoods.messaging.sending.domain.PairBucket;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.PersonalDataCipher.UndecryptableException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbound log and recipient queues in PostgreSQL (see {@code V1__outbound_log.sql} and
 * {@code V6__Encrypt_personal_data}). Ley 1581: recipients are stored as the keyed hash of their number
 * ({@code recipient_hash}, hashed once per new message and per inbound message) and commands encrypted with AES-256-GCM
 * ({@code command_enc}, encrypted once when queued, decrypted once when a claim or a status reads the row).
 */
public class JdbcOutboundLog implements OutboundLog {

    private static final Logger log = LoggerFactory.getLogger(JdbcOutboundLog.class);
    /** What stands for the recipient's number in a stored correlation id. */
    public static final String RECIPIENT_IN_CORRELATION = "{to}";
    /** {@code Commands.recipientOf} of a command without a recipient. */
    private static final String UNKNOWN = "unknown";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final int pairBurst;
    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    public JdbcOutboundLog(
            JdbcClient jdbc, TransactionTemplate tx, int pairBurst, PersonalDataCipher cipher, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.pairBurst = pairBurst;
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    /**
     * One statement for the whole batch: the messages go in list order (so {@code seq} follows Kafka's order for each
     * recipient), known command ids are skipped, and each recipient's pending count grows by its new messages. Queue
     * rows are touched in recipient order, so concurrent batches cannot deadlock on them.
     */
    @Override
    public int enqueueAll(List<NewMessage> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        int n = messages.size();
        String[] ids = new String[n];
        byte[][] recipients = new byte[n][];
        String[] kinds = new String[n];
        String[] correlations = new String[n];
        byte[][] commands = new byte[n][];
        String[] producedAt = new String[n];
        String[] fallbackOf = new String[n];
        String[] traceparents = new String[n];
        // a poll holds many commands to few recipients: each number is hashed once per batch
        Map<String, byte[]> hashes = new HashMap<>();
        for (int i = 0; i < n; i++) {
            NewMessage m = messages.get(i);
            ids[i] = m.commandId();
            recipients[i] = hashes.computeIfAbsent(m.recipient(), lookupHash::hash);
            kinds[i] = m.kind().name();
            correlations[i] = storedCorrelation(m.correlationId(), m.recipient());
            commands[i] = encrypt(m.command());
            producedAt[i] = m.producedAt() == null ? null : m.producedAt().toString();
            fallbackOf[i] = m.fallbackOf();
            traceparents[i] = m.traceparent();
        }
        Integer added = jdbc.sql("""
                        WITH input AS (
                            SELECT * FROM unnest(:ids::text[], :recipients::bytea[], :kinds::text[], :corrs::text[],
                                                 :cmds::bytea[], :producedAt::timestamptz[], :fallbackOf::text[],
                                                 :traceparents::text[])
                                     WITH ORDINALITY AS t(command_id, recipient_hash, kind, correlation_id, command_enc,
                                                          produced_at, fallback_of, traceparent, ord)),
                        inserted AS (
                            INSERT INTO outbound_message (command_id, recipient_hash, kind, correlation_id, command_enc,
                                                          state, fallback_of, produced_at, traceparent)
                            SELECT command_id, recipient_hash, kind, correlation_id, command_enc, 'queued', fallback_of,
                                   produced_at, traceparent
                            FROM input ORDER BY ord
                            ON CONFLICT (command_id) DO NOTHING
                            RETURNING recipient_hash),
                        queued AS (
                            INSERT INTO recipient_queue (recipient_hash, pending, pair_tokens)
                            SELECT recipient_hash, count(*), :burst FROM inserted
                            GROUP BY recipient_hash ORDER BY recipient_hash
                            ON CONFLICT (recipient_hash) DO UPDATE SET pending = recipient_queue.pending + excluded.pending
                            RETURNING 1)
                        SELECT count(*)::int FROM inserted
                        """)
                .param("ids", ids)
                .param("recipients", recipients)
                .param("kinds", kinds)
                .param("corrs", correlations)
                .param("cmds", commands)
                .param("producedAt", producedAt)
                .param("fallbackOf", fallbackOf)
                .param("traceparents", traceparents)
                .param("burst", (double) pairBurst)
                .query(Integer.class)
                .single();
        return added == null ? 0 : added;
    }

    @Override
    public boolean recordRejected(NewMessage m, Integer errorCode, String reason) {
        return insert(m, MessageState.DEAD_LETTERED, errorCode, reason);
    }

    private boolean insert(NewMessage m, MessageState state, Integer errorCode, String reason) {
        return jdbc.sql("""
                        INSERT INTO outbound_message (command_id, recipient_hash, kind, correlation_id, command_enc,
                                                      state, fallback_of, produced_at, error_code, error_message,
                                                      traceparent)
                        VALUES (:id, :r, :kind, :corr, :cmd, :state, :fallbackOf, :producedAt, :code, :reason,
                                :traceparent)
                        ON CONFLICT (command_id) DO NOTHING
                        """)
                        .param("id", m.commandId())
                        .param("r", lookupHash.hash(m.recipient()))
                        .param("kind", m.kind().name())
                        .param("corr", storedCorrelation(m.correlationId(), m.recipient()))
                        .param("cmd", encrypt(m.command()))
                        .param("state", state.dbValue())
                        .param("fallbackOf", m.fallbackOf())
                        .param("producedAt", m.producedAt() == null ? null : Timestamp.from(m.producedAt()))
                        .param("code", errorCode)
                        .param("reason", reason)
                        .param("traceparent", m.traceparent())
                        .update()
                == 1;
    }

    @Override
    public List<Claimed> claim(String owner, int max, Duration lease) {
        return jdbc.sql("""
                        WITH ready AS (
                            SELECT recipient_hash FROM recipient_queue
                            WHERE pending > 0 AND next_attempt_at <= clock_timestamp()
                              AND (lease_until IS NULL OR lease_until < clock_timestamp())
                            ORDER BY next_attempt_at
                            LIMIT :max
                            FOR UPDATE SKIP LOCKED),
                        leased AS (
                            UPDATE recipient_queue q
                            SET lease_owner = :owner, lease_until = clock_timestamp() + make_interval(secs => :lease)
                            FROM ready WHERE q.recipient_hash = ready.recipient_hash
                            RETURNING q.recipient_hash, q.pair_tokens, q.pair_updated_at, q.pair_backoff_exponent)
                        SELECT l.recipient_hash, l.pair_tokens, l.pair_updated_at, l.pair_backoff_exponent,
                               h.command_id, h.kind, h.state, h.attempts, h.command_enc, h.enqueued_at, h.resend_at,
                               h.traceparent, w.last_inbound_at
                        FROM leased l
                        LEFT JOIN LATERAL (
                            SELECT command_id, kind, state, attempts, command_enc, enqueued_at, resend_at, traceparent
                            FROM outbound_message m
                            WHERE m.recipient_hash = l.recipient_hash AND m.state IN ('queued', 'sending', 'unanswered')
                            ORDER BY m.seq LIMIT 1) h ON true
                        LEFT JOIN customer_window w ON w.recipient_hash = l.recipient_hash
                        """)
                .param("max", max)
                .param("owner", owner)
                .param("lease", lease.toMillis() / 1000.0)
                .query((rs, n) -> {
                    String commandId = rs.getString("command_id");
                    Head head = commandId == null
                            ? null
                            : new Head(
                                    commandId,
                                    OutboundKindView.valueOf(rs.getString("kind")),
                                    MessageState.fromDb(rs.getString("state")),
                                    rs.getInt("attempts"),
                                    decrypt(commandId, rs.getBytes("command_enc")),
                                    rs.getTimestamp("enqueued_at").toInstant(),
                                    instant(rs.getTimestamp("resend_at")),
                                    rs.getString("traceparent"));
                    Timestamp lastInbound = rs.getTimestamp("last_inbound_at");
                    return new Claimed(
                            new RecipientKey(rs.getBytes("recipient_hash")),
                            new PairBucket(
                                    rs.getDouble("pair_tokens"),
                                    rs.getTimestamp("pair_updated_at").toInstant()),
                            rs.getInt("pair_backoff_exponent"),
                            head,
                            lastInbound == null ? null : lastInbound.toInstant());
                })
                .list();
    }

    @Override
    public Set<String> markSending(Collection<String> commandIds) {
        if (commandIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        UPDATE outbound_message SET state = 'sending', attempts = attempts + 1,
                               sending_at = clock_timestamp(), updated_at = clock_timestamp()
                        WHERE command_id = ANY(:ids) AND state = 'queued'
                        RETURNING command_id
                        """)
                .param("ids", commandIds.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    /**
     * One statement per batch. The recipients' rows are locked first, in recipient order (the order
     * {@link #enqueueAll} touches them in), so this cannot deadlock with a batch of new commands for the same
     * recipients. A recipient whose message a status webhook already moved past {@code sending} is released too: its
     * head left the queue either way.
     */
    @Override
    public void recordAccepted(String owner, List<AcceptedSend> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        int n = accepted.size();
        String[] ids = new String[n];
        byte[][] recipients = new byte[n][];
        String[] wamids = new String[n];
        Boolean[] fallback = new Boolean[n];
        String[] acceptedAt = new String[n];
        String[] nextAt = new String[n];
        Double[] tokens = new Double[n];
        String[] pairAt = new String[n];
        for (int i = 0; i < n; i++) {
            AcceptedSend a = accepted.get(i);
            ids[i] = a.commandId();
            recipients[i] = a.recipient().hash();
            wamids[i] = a.wamid();
            fallback[i] = a.asFallback();
            acceptedAt[i] = a.acceptedAt().toString();
            nextAt[i] = a.nextAttemptAt().toString();
            tokens[i] = a.pair().tokens();
            pairAt[i] = a.pair().updatedAt().toString();
        }
        jdbc.sql("""
                        WITH done AS MATERIALIZED (
                            SELECT * FROM unnest(:ids::text[], :recipients::bytea[], :wamids::text[], :fallback::boolean[],
                                                 :acceptedAt::timestamptz[], :nextAt::timestamptz[],
                                                 :tokens::float8[], :pairAt::timestamptz[])
                                     AS t(command_id, recipient_hash, wamid, fallback, accepted_at, next_at, tokens,
                                          pair_at)),
                        locked AS MATERIALIZED (
                            SELECT q.recipient_hash FROM recipient_queue q
                            WHERE q.recipient_hash IN (SELECT recipient_hash FROM done) AND q.lease_owner = :owner
                            ORDER BY q.recipient_hash
                            FOR UPDATE),
                        accepted AS (
                            UPDATE outbound_message m
                            SET state = 'accepted', wamid = d.wamid, sent_as_fallback = d.fallback,
                                accepted_at = d.accepted_at, updated_at = clock_timestamp(),
                                error_code = NULL, error_message = NULL
                            FROM done d
                            WHERE m.command_id = d.command_id AND m.state = 'sending')
                        UPDATE recipient_queue q
                        SET next_attempt_at = d.next_at, pair_tokens = d.tokens, pair_updated_at = d.pair_at,
                            pair_backoff_exponent = 0, lease_owner = NULL, lease_until = NULL,
                            pending = greatest(q.pending - 1, 0)
                        FROM done d JOIN locked l ON l.recipient_hash = d.recipient_hash
                        WHERE q.recipient_hash = d.recipient_hash AND q.lease_owner = :owner
                        """)
                .param("ids", ids)
                .param("recipients", recipients)
                .param("wamids", wamids)
                .param("fallback", fallback)
                .param("acceptedAt", acceptedAt)
                .param("nextAt", nextAt)
                .param("tokens", tokens)
                .param("pairAt", pairAt)
                .param("owner", owner)
                .update();
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
                        UPDATE outbound_message SET state = 'uncertain', resend_at = NULL, updated_at = clock_timestamp()
                        WHERE command_id = :id AND state IN ('sending', 'unanswered')
                        """).param("id", commandId).update() == 1;
    }

    @Override
    public boolean markUnanswered(String commandId, Instant resendAt, String errorMessage) {
        return jdbc.sql("""
                        UPDATE outbound_message SET state = 'unanswered', resend_at = :resendAt,
                               error_code = NULL, error_message = :message, updated_at = clock_timestamp()
                        WHERE command_id = :id AND state = 'sending'
                        """)
                        .param("id", commandId)
                        .param("resendAt", Timestamp.from(resendAt))
                        .param("message", errorMessage)
                        .update()
                == 1;
    }

    @Override
    public boolean requeueUnanswered(String commandId) {
        return jdbc.sql("""
                        UPDATE outbound_message SET state = 'queued', resend_at = NULL, updated_at = clock_timestamp()
                        WHERE command_id = :id AND state = 'unanswered' AND resend_at <= clock_timestamp()
                        """).param("id", commandId).update() == 1;
    }

    /** Locked, then counted in a second statement (as in {@link #releaseRecounted}); must run in a transaction. */
    @Override
    public void settleRecipient(RecipientKey recipient) {
        byte[] hash = recipient.hash();
        jdbc.sql("SELECT 1 FROM recipient_queue WHERE recipient_hash = :r FOR UPDATE")
                .param("r", hash)
                .query(Integer.class)
                .optional();
        jdbc.sql("""
                        UPDATE recipient_queue SET
                            next_attempt_at = least(next_attempt_at, clock_timestamp()),
                            pending = (SELECT count(*) FROM outbound_message m
                                       WHERE m.recipient_hash = :r AND m.state IN ('queued', 'sending', 'unanswered'))
                        WHERE recipient_hash = :r
                        """).param("r", hash).update();
    }

    /**
     * The correlation id as the log keeps it, without the recipient's number: order-service correlates a conversation's
     * replies as {@code conv:<number>} and {@code staff:<number>}, which become {@code conv:{to}} and {@code staff:{to}}.
     * The command (encrypted) keeps the whole id for the events; the log needs only {@code order:…} (erasure) and
     * {@code privacy:…} (the notices' purge), which hold no number.
     */
    static String storedCorrelation(String correlationId, String recipient) {
        if (correlationId == null || recipient == null || recipient.isBlank() || UNKNOWN.equals(recipient)) {
            return correlationId;
        }
        return correlationId.replace(recipient, RECIPIENT_IN_CORRELATION);
    }

    private byte[] encrypt(byte[] command) {
        return cipher.encryptBytes(command, PersonalDataColumns.OUTBOUND_COMMAND);
    }

    /**
     * The command's Avro bytes, or null when no key of the keyset opens them (a key removed too early): the caller
     * fails that one message, not the whole claim it was read in.
     */
    private byte[] decrypt(String commandId, byte[] stored) {
        try {
            return cipher.decryptBytes(stored, PersonalDataColumns.OUTBOUND_COMMAND);
        } catch (UndecryptableException e) {
            log.error("The command {} cannot be decrypted with any key of the personal-data keyset", commandId);
            return null;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public void release(
            RecipientKey recipient,
            String owner,
            Instant nextAttemptAt,
            PairBucket pair,
            int exponent,
            boolean headFinished) {
        jdbc.sql("""
                        UPDATE recipient_queue SET
                            next_attempt_at = :next, pair_tokens = :tokens, pair_updated_at = :pairAt,
                            pair_backoff_exponent = :exponent, lease_owner = NULL, lease_until = NULL,
                            pending = greatest(pending - :finished, 0)
                        WHERE recipient_hash = :r AND lease_owner = :owner
                        """)
                .param("r", recipient.hash())
                .param("owner", owner)
                .param("next", Timestamp.from(nextAttemptAt))
                .param("tokens", pair.tokens())
                .param("pairAt", Timestamp.from(pair.updatedAt()))
                .param("exponent", exponent)
                .param("finished", headFinished ? 1 : 0)
                .update();
    }

    /**
     * The row is locked first and counted in a second statement: under READ COMMITTED that statement sees every
     * command queued before the lock was taken, and one queued later waits for the lock and adds itself. (A count in
     * the same statement as the update could miss a command queued while it waited for the lock.)
     */
    @Override
    public void releaseRecounted(RecipientKey recipient, String owner, Instant nextAttemptAt) {
        byte[] hash = recipient.hash();
        tx.executeWithoutResult(status -> {
            jdbc.sql("SELECT 1 FROM recipient_queue WHERE recipient_hash = :r FOR UPDATE")
                    .param("r", hash)
                    .query(Integer.class)
                    .optional();
            jdbc.sql("""
                            UPDATE recipient_queue SET
                                next_attempt_at = :next, lease_owner = NULL, lease_until = NULL,
                                pending = (SELECT count(*) FROM outbound_message m
                                           WHERE m.recipient_hash = :r AND m.state IN ('queued', 'sending', 'unanswered'))
                            WHERE recipient_hash = :r AND lease_owner = :owner
                            """)
                    .param("r", hash)
                    .param("owner", owner)
                    .param("next", Timestamp.from(nextAttemptAt))
                    .update();
        });
    }

    @Override
    public void touchWindow(String recipient, Instant sentAt) {
        jdbc.sql("""
                        INSERT INTO customer_window (recipient_hash, last_inbound_at) VALUES (:r, :at)
                        ON CONFLICT (recipient_hash) DO UPDATE SET last_inbound_at = excluded.last_inbound_at
                        WHERE customer_window.last_inbound_at < excluded.last_inbound_at
                        """)
                .param("r", lookupHash.hash(recipient))
                .param("at", Timestamp.from(sentAt))
                .update();
    }

    @Override
    public Optional<Tracked> findByWamid(String wamid) {
        return jdbc.sql(TRACKED + " WHERE wamid = :key")
                .param("key", wamid)
                .query(this::tracked)
                .optional();
    }

    @Override
    public Optional<MessageState> stateByWamid(String wamid) {
        return jdbc.sql("SELECT state FROM outbound_message WHERE wamid = :key")
                .param("key", wamid)
                .query(String.class)
                .optional()
                .map(MessageState::fromDb);
    }

    @Override
    public Optional<Tracked> findByCommandId(String commandId) {
        return jdbc.sql(TRACKED + " WHERE command_id = :key")
                .param("key", commandId)
                .query(this::tracked)
                .optional();
    }

    private static final String TRACKED =
            "SELECT command_id, recipient_hash, state, wamid, command_enc, sent_as_fallback, fallback_of, traceparent"
                    + " FROM outbound_message";

    private Tracked tracked(ResultSet rs, int n) throws SQLException {
        String commandId = rs.getString("command_id");
        return new Tracked(
                commandId,
                new RecipientKey(rs.getBytes("recipient_hash")),
                MessageState.fromDb(rs.getString("state")),
                rs.getString("wamid"),
                decrypt(commandId, rs.getBytes("command_enc")),
                rs.getBoolean("sent_as_fallback"),
                rs.getString("fallback_of"),
                rs.getString("traceparent"));
    }

    @Override
    public boolean applyStatus(
            String commandId, MessageState expected, MessageState next, String wamid, Integer code, String message) {
        return jdbc.sql("""
                        UPDATE outbound_message SET state = :next, wamid = coalesce(wamid, :wamid), resend_at = NULL,
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
        return jdbc.sql("SELECT count(*) FROM outbound_message WHERE state IN ('queued', 'sending', 'unanswered')")
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
