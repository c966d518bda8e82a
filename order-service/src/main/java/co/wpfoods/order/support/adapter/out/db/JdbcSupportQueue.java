package co.wpfoods.order.support.adapter.out.db;

import co.wpfoods.order.support.application.SupportQueue;
import java.util.List;
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
    public List<Ticket> open(int page, int size) {
        return jdbc.sql(
                        "SELECT * FROM support_ticket WHERE status = 'OPEN' ORDER BY created_at, id LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", page * size)
                .query((rs, n) -> new Ticket(
                        rs.getString("id"),
                        rs.getString("customer_key"),
                        rs.getString("order_id"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("text"),
                        rs.getString("status"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
