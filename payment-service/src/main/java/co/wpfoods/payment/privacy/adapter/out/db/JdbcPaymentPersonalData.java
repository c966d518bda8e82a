package co.wpfoods.payment.privacy.adapter.out.db;

import co.wpfoods.payment.privacy.application.PersonalData;
import co.wpfoods.payment.privacy.domain.ErasureRequest;
import co.wpfoods.payment.privacy.domain.ErasureResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer's payments are kept for tax (amounts, IVA, lines, ledger and receipts are untouched; the ledger is
 * append-only and holds no personal data): only who paid goes — the number and Meta user id become
 * {@code erased:<erasure id>} (a payment always names a customer) and the checkout link is removed.
 */
public class JdbcPaymentPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    public JdbcPaymentPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ErasureResult erase(ErasureRequest request) {
        int anonymized = jdbc.sql("""
                        UPDATE payment SET customer_wa_id = NULL, customer_user_id = :erased, checkout_url = NULL,
                            updated_at = now()
                        WHERE order_id = ANY(:orders) OR customer_wa_id = :wa OR customer_user_id = :wa
                        """)
                .param("orders", request.orderIds().toArray(String[]::new))
                .param("wa", request.waId())
                .param("erased", "erased:" + request.erasureId())
                .update();
        return new ErasureResult(
                0, anonymized, "payment: %d anonymized (amounts, IVA, ledger and receipts kept)".formatted(anonymized));
    }
}
