package co.wpfoods.security.consent;

import co.wpfoods.security.crypto.LookupHash;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records consent (Ley 1581 de 2012) as an append-only list of grants and withdrawals, each with its
 * time and policy version, in the service's own database ({@code db/security} migration). The person
 * is identified by the keyed hash of their WhatsApp number: the ledger holds no number in clear.
 * Whoever asks the question (order-service's customer conversation) calls {@link #grant}; a
 * withdrawal of {@link ConsentPurpose#MARKETING} stops marketing templates ({@link #mayUse} is false).
 */
public final class ConsentLedger {

    private final JdbcClient jdbc;
    private final LookupHash hash;
    private final Clock clock;

    public ConsentLedger(JdbcClient jdbc, LookupHash hash, Clock clock) {
        this.jdbc = jdbc;
        this.hash = hash;
        this.clock = clock;
    }

    /** The latest decision of one person for one purpose. */
    public record Decision(ConsentPurpose purpose, boolean granted, String policyVersion, Instant recordedAt) {}

    public Decision grant(String waId, ConsentPurpose purpose, String policyVersion) {
        return record(waId, purpose, "GRANTED", policyVersion);
    }

    /** Records a withdrawal against the policy version last granted (or {@code none}). */
    public Decision withdraw(String waId, ConsentPurpose purpose) {
        String version = current(waId, purpose).map(Decision::policyVersion).orElse("none");
        return record(waId, purpose, "WITHDRAWN", version);
    }

    public Optional<Decision> current(String waId, ConsentPurpose purpose) {
        List<byte[]> hashes = hash.candidates(waId);
        return jdbc.sql("SELECT action, policy_version, recorded_at FROM security_consent_event"
                        + " WHERE subject_hash IN (:hashes) AND purpose = :purpose ORDER BY id DESC LIMIT 1")
                .param("hashes", hashes)
                .param("purpose", purpose.name())
                .query((rs, n) -> new Decision(
                        purpose,
                        "GRANTED".equals(rs.getString("action")),
                        rs.getString("policy_version"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .optional();
    }

    /** True only while the latest decision for the purpose is a grant. */
    public boolean mayUse(String waId, ConsentPurpose purpose) {
        return current(waId, purpose).map(Decision::granted).orElse(false);
    }

    /** The whole history of one person (for "mis datos"), oldest first. */
    public List<Decision> history(String waId) {
        return jdbc.sql("SELECT purpose, action, policy_version, recorded_at FROM security_consent_event"
                        + " WHERE subject_hash IN (:hashes) ORDER BY id")
                .param("hashes", hash.candidates(waId))
                .query((rs, n) -> new Decision(
                        ConsentPurpose.valueOf(rs.getString("purpose")),
                        "GRANTED".equals(rs.getString("action")),
                        rs.getString("policy_version"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** Erasure ("borrar mis datos"): deletes every record of the person; returns how many. */
    public int forget(String waId) {
        return jdbc.sql("DELETE FROM security_consent_event WHERE subject_hash IN (:hashes)")
                .param("hashes", hash.candidates(waId))
                .update();
    }

    private Decision record(String waId, ConsentPurpose purpose, String action, String policyVersion) {
        if (policyVersion == null || policyVersion.isBlank()) {
            throw new IllegalArgumentException("A consent needs the policy version it was given for");
        }
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO security_consent_event (subject_hash, purpose, action, policy_version, recorded_at)"
                        + " VALUES (:hash, :purpose, :action, :version, :at)")
                .param("hash", hash.hash(waId))
                .param("purpose", purpose.name())
                .param("action", action)
                .param("version", policyVersion)
                .param("at", Timestamp.from(now))
                .update();
        return new Decision(purpose, action.equals("GRANTED"), policyVersion, now);
    }
}
