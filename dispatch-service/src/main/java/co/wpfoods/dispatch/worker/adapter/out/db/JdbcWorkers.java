package co.wpfoods.dispatch.worker.adapter.out.db;

import static co.wpfoods.dispatch.privacy.application.PersonalDataColumns.WORKER_NAME;
import static co.wpfoods.dispatch.privacy.application.PersonalDataColumns.WORKER_WA_ID;

import co.wpfoods.dispatch.worker.application.Workers;
import co.wpfoods.dispatch.worker.domain.Worker;
import co.wpfoods.dispatch.worker.domain.WorkerId;
import co.wpfoods.schemas.wa.WaId;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Workers in dispatch-service's PostgreSQL (table from V1__workers.sql): the number as a keyed hash (the lookup) and
 * encrypted with the name (V5__Encrypt_personal_data).
 */
@Repository
class JdbcWorkers implements Workers {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    JdbcWorkers(JdbcClient jdbc, PersonalDataCipher cipher, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public void add(Worker worker) {
        jdbc.sql("INSERT INTO worker (id, name_enc, wa_id_hash, wa_id_enc, active)"
                        + " VALUES (:id, :name, :waIdHash, :waId, :active)")
                .param("id", worker.id().value())
                .param("name", cipher.encrypt(worker.name(), WORKER_NAME))
                .param("waIdHash", lookupHash.hash(worker.waId().value()))
                .param("waId", cipher.encrypt(worker.waId().value(), WORKER_WA_ID))
                .param("active", worker.active())
                .update();
    }

    @Override
    public Optional<Worker> find(WorkerId id) {
        return jdbc.sql("SELECT * FROM worker WHERE id = :id")
                .param("id", id.value())
                .query(this::worker)
                .optional();
    }

    @Override
    public Optional<Worker> byNumber(WaId waId) {
        return jdbc.sql("SELECT * FROM worker WHERE wa_id_hash = :waIdHash")
                .param("waIdHash", lookupHash.hash(waId.value()))
                .query(this::worker)
                .optional();
    }

    @Override
    public List<Worker> page(int page, int size) {
        return jdbc.sql("SELECT * FROM worker ORDER BY registered_at, id LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::worker)
                .list();
    }

    @Override
    public List<Worker> all() {
        return jdbc.sql("SELECT * FROM worker ORDER BY registered_at, id")
                .query(this::worker)
                .list();
    }

    private Worker worker(ResultSet rs, int row) throws SQLException {
        return new Worker(
                new WorkerId(rs.getString("id")),
                cipher.decrypt(rs.getBytes("name_enc"), WORKER_NAME),
                new WaId(cipher.decrypt(rs.getBytes("wa_id_enc"), WORKER_WA_ID)),
                rs.getBoolean("active"));
    }
}
