package co.wpfoods.order.support.adapter.out.db;

import co.wpfoods.order.support.application.SupportQueue;
import co.wpfoods.order.support.domain.ComplaintKind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSupportQueue implements SupportQueue {

    private final JdbcClient jdbc;

    JdbcSupportQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String open(String customerKey, String orderId, Kind kind, String text) {
        String id = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        jdbc.sql("""
                        INSERT INTO support_ticket (id, customer_key, order_id, kind, text, status, created_at)
                        VALUES (:id, :customer, :order, :kind, :text, 'OPEN', now())
                        """)
                .param("id", id)
                .param("customer", customerKey)
                .param("order", orderId)
                .param("kind", kind.name())
                .param("text", text)
                .update();
        return id;
    }

    @Override
    public String complaint(String customerKey, String orderId, ComplaintKind category, String text) {
        String id = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        var routedTo = orderId == null ? ComplaintKind.Owner.OPS : category.owner();
        jdbc.sql("""
                        INSERT INTO support_ticket (id, customer_key, order_id, kind, text, status, created_at, category,
                                                    routed_to)
                        VALUES (:id, :customer, :order, 'COMPLAINT', :text, 'OPEN', now(), :category, :routedTo)
                        """)
                .param("id", id)
                .param("customer", customerKey)
                .param("order", orderId)
                .param("text", text)
                .param("category", category.name())
                .param("routedTo", routedTo.name())
                .update();
        return id;
    }

    @Override
    public Optional<Ticket> find(String id) {
        return jdbc.sql("SELECT * FROM support_ticket WHERE id = :id")
                .param("id", id)
                .query(JdbcSupportQueue::ticket)
                .optional();
    }

    @Override
    public boolean answerByRestaurant(String id, String staffName, boolean toOps) {
        return jdbc.sql("""
                        UPDATE support_ticket SET handled_by = :by, routed_to = :routedTo
                         WHERE id = :id AND routed_to = 'RESTAURANT' AND handled_by IS NULL
                        """)
                        .param("id", id)
                        .param("by", staffName)
                        .param("routedTo", toOps ? "OPS" : "RESTAURANT")
                        .update()
                == 1;
    }

    @Override
    public List<Ticket> open(int page, int size) {
        return jdbc.sql("""
                        SELECT * FROM support_ticket WHERE status = 'OPEN' AND routed_to = 'OPS'
                         ORDER BY created_at, id LIMIT :size OFFSET :offset
                        """)
                .param("size", size)
                .param("offset", page * size)
                .query(JdbcSupportQueue::ticket)
                .list();
    }

    private static Ticket ticket(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String category = rs.getString("category");
        return new Ticket(
                rs.getString("id"),
                rs.getString("customer_key"),
                rs.getString("order_id"),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("text"),
                rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(),
                category == null ? null : ComplaintKind.valueOf(category),
                ComplaintKind.Owner.valueOf(rs.getString("routed_to")),
                rs.getString("handled_by"));
    }
}
