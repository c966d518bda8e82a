package co.wpfoods.order.privacy.adapter.out.db;

import static co.wpfoods.order.privacy.application.PersonalDataColumns.ERASURE_WA_ID;

import co.wpfoods.order.privacy.application.Erasures;
import co.wpfoods.order.privacy.domain.Confirmation;
import co.wpfoods.order.privacy.domain.Erasure;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcErasures implements Erasures {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    JdbcErasures(JdbcClient jdbc, PersonalDataCipher cipher, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public void add(Erasure erasure) {
        jdbc.sql("""
                        INSERT INTO privacy_erasure (id, wa_id_hash, wa_id_enc, requested_by, requested_by_subject,
                                                     language, expected_services, requested_at, completed_at)
                        VALUES (:id, :waHash, :wa, :by, :subject, :language, :services, :at, NULL)
                        """)
                .param("id", erasure.id())
                .param("waHash", hash(erasure.waId().orElse(null)))
                .param("wa", cipher.encrypt(erasure.waId().orElse(null), ERASURE_WA_ID))
                .param("by", erasure.requestedBy().name())
                .param("subject", erasure.requestedBySubject())
                .param("language", erasure.language())
                .param("services", erasure.expectedServices().toArray(String[]::new))
                .param("at", Timestamp.from(erasure.requestedAt()))
                .update();
    }

    @Override
    public Optional<Erasure> lock(String erasureId) {
        return one("SELECT * FROM privacy_erasure WHERE id = :id FOR UPDATE", erasureId);
    }

    @Override
    public Optional<Erasure> find(String erasureId) {
        return one("SELECT * FROM privacy_erasure WHERE id = :id", erasureId);
    }

    @Override
    public Optional<Erasure> running(String waId) {
        return jdbc.sql("SELECT * FROM privacy_erasure WHERE wa_id_hash = :wa AND completed_at IS NULL")
                .param("wa", lookupHash.hash(waId))
                .query(this::row)
                .optional();
    }

    @Override
    public void save(Erasure erasure) {
        // the number (hash and ciphertext) goes once the erasure is done: the Erasure leaves it empty then
        jdbc.sql(
                        "UPDATE privacy_erasure SET wa_id_hash = :waHash, wa_id_enc = :wa, completed_at = :done WHERE id = :id")
                .param("id", erasure.id())
                .param("waHash", hash(erasure.waId().orElse(null)))
                .param("wa", cipher.encrypt(erasure.waId().orElse(null), ERASURE_WA_ID))
                .param("done", erasure.completedAt().map(Timestamp::from).orElse(null))
                .update();
        for (Confirmation c : erasure.confirmations().values()) {
            jdbc.sql("""
                            INSERT INTO privacy_erasure_confirmation
                                (erasure_id, service, rows_deleted, rows_anonymized, detail, confirmed_at)
                            VALUES (:id, :service, :deleted, :anonymized, :detail, :at)
                            ON CONFLICT (erasure_id, service) DO NOTHING
                            """)
                    .param("id", erasure.id())
                    .param("service", c.service())
                    .param("deleted", c.rowsDeleted())
                    .param("anonymized", c.rowsAnonymized())
                    .param("detail", c.detail())
                    .param("at", Timestamp.from(c.confirmedAt()))
                    .update();
        }
    }

    @Override
    public List<Erasure> page(int page, int size) {
        return jdbc.sql("SELECT * FROM privacy_erasure ORDER BY requested_at DESC, id LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::row)
                .list();
    }

    private Optional<Erasure> one(String sql, String id) {
        return jdbc.sql(sql).param("id", id).query(this::row).optional();
    }

    private Erasure row(ResultSet rs, int n) throws SQLException {
        String id = rs.getString("id");
        Array services = rs.getArray("expected_services");
        List<Confirmation> confirmations = jdbc.sql(
                        "SELECT * FROM privacy_erasure_confirmation WHERE erasure_id = :id ORDER BY confirmed_at, service")
                .param("id", id)
                .query((c, i) -> new Confirmation(
                        c.getString("service"),
                        c.getInt("rows_deleted"),
                        c.getInt("rows_anonymized"),
                        c.getString("detail"),
                        c.getTimestamp("confirmed_at").toInstant()))
                .list();
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Erasure(
                id,
                cipher.decrypt(rs.getBytes("wa_id_enc"), ERASURE_WA_ID),
                Erasure.RequestedBy.valueOf(rs.getString("requested_by")),
                rs.getString("requested_by_subject"),
                rs.getString("language"),
                rs.getTimestamp("requested_at").toInstant(),
                List.of((String[]) services.getArray()),
                confirmations,
                completed == null ? null : completed.toInstant());
    }

    private byte[] hash(String waId) {
        return waId == null ? null : lookupHash.hash(waId);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
