package co.wpfoods.payment.payment.adapter.out.db;

import co.wpfoods.payment.payment.application.Page;
import co.wpfoods.payment.payment.application.RefundRecord;
import co.wpfoods.payment.payment.application.RefundRequests;
import co.wpfoods.payment.payment.domain.Cop;
import co.wpfoods.payment.payment.domain.OrderId;
import co.wpfoods.payment.payment.domain.PaymentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refunds in table {@code refund}. */
@Repository
class JdbcRefundRequests implements RefundRequests {

    private final JdbcClient jdbc;

    JdbcRefundRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(RefundRecord r) {
        jdbc.sql("""
                        INSERT INTO refund (id, payment_id, order_id, amount_cop, reason, requested_by, status,
                            provider_reference, failure_detail, requested_at, settled_at)
                        VALUES (:id, :paymentId, :orderId, :amount, :reason, :by, :status, :ref, :detail, :at, :settled)
                        """)
                .param("id", r.id())
                .param("paymentId", r.paymentId().value())
                .param("orderId", r.orderId().value())
                .param("amount", r.amount().value())
                .param("reason", r.reason())
                .param("by", r.requestedBy())
                .param("status", r.status().name())
                .param("ref", r.providerReference())
                .param("detail", r.failureDetail())
                .param("at", JdbcPayments.timestamp(r.requestedAt()))
                .param("settled", JdbcPayments.timestamp(r.settledAt()))
                .update();
    }

    @Override
    public void update(RefundRecord r) {
        jdbc.sql("UPDATE refund SET status = :status, provider_reference = :ref, failure_detail = :detail,"
                        + " settled_at = :settled WHERE id = :id")
                .param("id", r.id())
                .param("status", r.status().name())
                .param("ref", r.providerReference())
                .param("detail", r.failureDetail())
                .param("settled", JdbcPayments.timestamp(r.settledAt()))
                .update();
    }

    @Override
    public Optional<RefundRecord> find(String id) {
        return jdbc.sql("SELECT * FROM refund WHERE id = :id")
                .param("id", id)
                .query(JdbcRefundRequests::refund)
                .optional();
    }

    @Override
    public Optional<RefundRecord> lock(String id) {
        return jdbc.sql("SELECT * FROM refund WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(JdbcRefundRequests::refund)
                .optional();
    }

    @Override
    public Optional<RefundRecord> lockByProviderReference(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM refund WHERE provider_reference = :ref FOR UPDATE")
                .param("ref", reference)
                .query(JdbcRefundRequests::refund)
                .optional();
    }

    @Override
    public Page<RefundRecord> search(PaymentId paymentId, int page, int size) {
        String filter = paymentId == null ? "" : " WHERE payment_id = :paymentId";
        var count = jdbc.sql("SELECT count(*) FROM refund" + filter);
        var select = jdbc.sql(
                "SELECT * FROM refund" + filter + " ORDER BY requested_at DESC, id LIMIT :limit OFFSET :offset");
        if (paymentId != null) {
            count = count.param("paymentId", paymentId.value());
            select = select.param("paymentId", paymentId.value());
        }
        long total = count.query(Long.class).single();
        List<RefundRecord> items = select.param("limit", size)
                .param("offset", (long) page * size)
                .query(JdbcRefundRequests::refund)
                .list();
        return new Page<>(items, page, size, total);
    }

    private static RefundRecord refund(ResultSet rs, int row) throws SQLException {
        return new RefundRecord(
                rs.getString("id"),
                new PaymentId(rs.getString("payment_id")),
                new OrderId(rs.getString("order_id")),
                Cop.of(rs.getLong("amount_cop")),
                rs.getString("reason"),
                rs.getString("requested_by"),
                RefundRecord.Status.valueOf(rs.getString("status")),
                rs.getString("provider_reference"),
                rs.getString("failure_detail"),
                JdbcPayments.instant(rs.getTimestamp("requested_at")),
                JdbcPayments.instant(rs.getTimestamp("settled_at")));
    }
}
