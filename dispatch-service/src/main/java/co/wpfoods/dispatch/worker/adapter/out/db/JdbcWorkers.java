package co.wpfoods.dispatch.worker.adapter.out.db;

import co.wpfoods.dispatch.worker.application.Workers;
import co.wpfoods.dispatch.worker.domain.Worker;
import co.wpfoods.dispatch.worker.domain.WorkerId;
import co.wpfoods.schemas.wa.WaId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Workers in dispatch-service's PostgreSQL (table from V1__workers.sql). */
@Repository
class JdbcWorkers implements Workers {

    private final JdbcClient jdbc;

    JdbcWorkers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Worker worker) {
        jdbc.sql("INSERT INTO worker (id, name, wa_id, active) VALUES (:id, :name, :waId, :active)")
                .param("id", worker.id().value())
                .param("name", worker.name())
                .param("waId", worker.waId().value())
                .param("active", worker.active())
                .update();
    }

    @Override
    public Optional<Worker> find(WorkerId id) {
        return jdbc.sql("SELECT * FROM worker WHERE id = :id")
                .param("id", id.value())
                .query(JdbcWorkers::worker)
                .optional();
    }

    @Override
    public Optional<Worker> byNumber(WaId waId) {
        return jdbc.sql("SELECT * FROM worker WHERE wa_id = :waId")
                .param("waId", waId.value())
                .query(JdbcWorkers::worker)
                .optional();
    }

    @Override
    public List<Worker> page(int page, int size) {
        return jdbc.sql("SELECT * FROM worker ORDER BY registered_at, id LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query(JdbcWorkers::worker)
                .list();
    }

    @Override
    public List<Worker> all() {
        return jdbc.sql("SELECT * FROM worker ORDER BY registered_at, id")
                .query(JdbcWorkers::worker)
                .list();
    }

    private static Worker worker(ResultSet rs, int row) throws SQLException {
        return new Worker(
                new WorkerId(rs.getString("id")),
                rs.getString("name"),
                new WaId(rs.getString("wa_id")),
                rs.getBoolean("active"));
    }
}
