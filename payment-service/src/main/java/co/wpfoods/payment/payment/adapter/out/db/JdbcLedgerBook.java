package co.wpfoods.payment.payment.adapter.out.db;

import co.wpfoods.payment.payment.application.LedgerBook;
import co.wpfoods.payment.payment.domain.Cop;
import co.wpfoods.payment.payment.domain.LedgerEntry;
import co.wpfoods.payment.payment.domain.OrderId;
import co.wpfoods.payment.payment.domain.PaymentId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger in table {@code ledger_entry} (append-only: a trigger refuses updates and deletes). */
@Repository
class JdbcLedgerBook implements LedgerBook {

    private final JdbcClient jdbc;

    JdbcLedgerBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(LedgerEntry e) {
        // a movement already booked (same provider reference) is not booked again
        jdbc.sql("""
                        INSERT INTO ledger_entry (payment_id, order_id, movement, debit_account, credit_account,
                            amount_cop, reference, occurred_at)
                        VALUES (:paymentId, :orderId, :movement, :debit, :credit, :amount, :reference, :at)
                        ON CONFLICT (payment_id, movement, reference) DO NOTHING
                        """)
                .param("paymentId", e.paymentId().value())
                .param("orderId", e.orderId().value())
                .param("movement", e.movement().name())
                .param("debit", e.debit().name())
                .param("credit", e.credit().name())
                .param("amount", e.amount().value())
                .param("reference", e.reference())
                .param("at", JdbcPayments.timestamp(e.occurredAt()))
                .update();
    }

    @Override
    public List<LedgerEntry> ofPayment(PaymentId paymentId) {
        return jdbc.sql("SELECT * FROM ledger_entry WHERE payment_id = :id ORDER BY id")
                .param("id", paymentId.value())
                .query((rs, row) -> new LedgerEntry(
                        new PaymentId(rs.getString("payment_id")),
                        new OrderId(rs.getString("order_id")),
                        LedgerEntry.Movement.valueOf(rs.getString("movement")),
                        LedgerEntry.Account.valueOf(rs.getString("debit_account")),
                        LedgerEntry.Account.valueOf(rs.getString("credit_account")),
                        Cop.of(rs.getLong("amount_cop")),
                        rs.getString("reference"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }
}
