package co.wpfoods.order.privacy.adapter.out.db;

import co.wpfoods.order.privacy.application.CustomerRecords;
import co.wpfoods.order.privacy.domain.ErasureRequest;
import co.wpfoods.order.privacy.domain.ErasureResult;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A person's rows in order-service, found by their WhatsApp number ({@code customer_key} is the number, or Meta's
 * business-scoped user id for a person without one). Orders are kept for tax (Estatuto Tributario: invoices and their
 * support for five years) with totals, IVA, lines and history intact; the person's fields are emptied and the key
 * replaced by {@code erased:<erasure id>}.
 */
@Repository
class JdbcCustomerRecords implements CustomerRecords {

    private static final String MINE = "(customer_key = :wa OR customer_wa_id = :wa)";

    private final JdbcClient jdbc;

    JdbcCustomerRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OrderRef> ordersOf(String waId) {
        return jdbc.sql("SELECT id, reference FROM customer_order WHERE " + MINE + " ORDER BY placed_at")
                .param("wa", waId)
                .query((rs, n) -> new OrderRef(rs.getString("id"), rs.getString("reference")))
                .list();
    }

    @Override
    public Optional<String> orderInProgress(String waId) {
        return jdbc.sql("SELECT reference FROM customer_order WHERE " + MINE
                        + " AND status NOT IN ('DELIVERED', 'CANCELLED') ORDER BY placed_at DESC LIMIT 1")
                .param("wa", waId)
                .query(String.class)
                .optional();
    }

    @Override
    public Counts counts(String waId) {
        var orders = jdbc.sql("SELECT count(*) AS n, max(placed_at) AS last FROM customer_order WHERE " + MINE)
                .param("wa", waId)
                .query((rs, n) -> new Object[] {rs.getLong("n"), rs.getTimestamp("last")})
                .single();
        String lastReference = jdbc.sql(
                        "SELECT reference FROM customer_order WHERE " + MINE + " ORDER BY placed_at DESC LIMIT 1")
                .param("wa", waId)
                .query(String.class)
                .optional()
                .orElse(null);
        long open = jdbc.sql("SELECT count(*) FROM support_ticket WHERE customer_key = :wa AND status = 'OPEN'")
                .param("wa", waId)
                .query(Long.class)
                .single();
        Timestamp last = (Timestamp) orders[1];
        return new Counts((Long) orders[0], last == null ? null : last.toInstant(), lastReference, open);
    }

    @Override
    public ErasureResult erase(ErasureRequest request) {
        String wa = request.waId();
        int history = jdbc.sql("""
                        UPDATE customer_order_history SET note = NULL
                        WHERE note IS NOT NULL AND order_id IN (SELECT id FROM customer_order WHERE %s)
                        """.formatted(MINE)).param("wa", wa).update();
        int orders = jdbc.sql("""
                        UPDATE customer_order SET
                            customer_key = :erased, customer_wa_id = NULL, customer_user_id = NULL, customer_name = NULL,
                            delivery_address = NULL, delivery_latitude = NULL, delivery_longitude = NULL, notes = NULL,
                            cancel_detail = NULL, payment_link = NULL, updated_at = now()
                        WHERE %s
                        """.formatted(MINE))
                .param("wa", wa)
                .param("erased", "erased:" + request.erasureId())
                .update();
        int tickets = jdbc.sql("DELETE FROM support_ticket WHERE customer_key = :wa")
                .param("wa", wa)
                .update();
        int conversations = jdbc.sql("DELETE FROM conversation WHERE person_key = :wa AND role = 'CUSTOMER'")
                .param("wa", wa)
                .update();
        return new ErasureResult(
                tickets + conversations,
                orders,
                "conversation: %d deleted; support_ticket: %d deleted; customer_order: %d anonymized (totals and IVA kept); customer_order_history: %d notes removed"
                        .formatted(conversations, tickets, orders, history));
    }
}
