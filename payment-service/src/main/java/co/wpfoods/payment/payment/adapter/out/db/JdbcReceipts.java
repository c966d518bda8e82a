package co.wpfoods.payment.payment.adapter.out.db;

import co.wpfoods.payment.payment.application.Receipt;
import co.wpfoods.payment.payment.application.Receipts;
import co.wpfoods.payment.payment.domain.PaymentId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Receipts and each restaurant's receipt counter (tables {@code receipt}, {@code receipt_counter}). */
@Repository
class JdbcReceipts implements Receipts {

    private final JdbcClient jdbc;

    JdbcReceipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long nextNumber(String restaurantId) {
        // the row lock taken by the upsert serialises concurrent receipts of one restaurant until commit
        return jdbc.sql("""
                        INSERT INTO receipt_counter (restaurant_id, last_number) VALUES (:restaurant, 1)
                        ON CONFLICT (restaurant_id) DO UPDATE SET last_number = receipt_counter.last_number + 1
                        RETURNING last_number
                        """).param("restaurant", restaurantId).query(Long.class).single();
    }

    @Override
    public void add(Receipt r) {
        jdbc.sql("INSERT INTO receipt (payment_id, restaurant_id, number, body, fiscal_status, issued_at)"
                        + " VALUES (:paymentId, :restaurant, :number, :body, :fiscal, :at)")
                .param("paymentId", r.paymentId().value())
                .param("restaurant", r.restaurantId())
                .param("number", r.number())
                .param("body", r.body())
                .param("fiscal", r.fiscalStatus())
                .param("at", JdbcPayments.timestamp(r.issuedAt()))
                .update();
    }

    @Override
    public Optional<Receipt> of(PaymentId paymentId) {
        return jdbc.sql("SELECT * FROM receipt WHERE payment_id = :id")
                .param("id", paymentId.value())
                .query((rs, row) -> new Receipt(
                        new PaymentId(rs.getString("payment_id")),
                        rs.getString("restaurant_id"),
                        rs.getLong("number"),
                        rs.getString("body"),
                        rs.getString("fiscal_status"),
                        rs.getTimestamp("issued_at").toInstant()))
                .optional();
    }
}
