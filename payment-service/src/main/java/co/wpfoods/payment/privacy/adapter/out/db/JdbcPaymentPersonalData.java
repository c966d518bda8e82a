package co.wpfoods.payment.privacy.adapter.out.db;

import static co.wpfoods.payment.privacy.application.PersonalDataColumns.PAYMENT_CUSTOMER_USER_ID;

import co.wpfoods.privacy.application.PersonalData;
import co.wpfoods.privacy.domain.ErasureRequest;
import co.wpfoods.privacy.domain.ErasureResult;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer's payments are kept for tax (amounts, IVA, lines, ledger and receipts are untouched; the ledger is
 * append-only and holds no personal data): only who paid goes — the number and Meta user id (their ciphertexts and
 * keyed hashes; the payments are found by the hash of the number) become {@code erased:<erasure id>} (a payment always
 * names a customer) and the checkout link is removed.
 */
public class JdbcPaymentPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    public JdbcPaymentPersonalData(JdbcClient jdbc, PersonalDataCipher cipher, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public ErasureResult erase(ErasureRequest request) {
        int anonymized = jdbc.sql("""
                        UPDATE payment SET customer_wa_id_hash = NULL, customer_wa_id_enc = NULL,
                            customer_user_id_hash = NULL, customer_user_id_enc = :erased, checkout_url = NULL,
                            updated_at = now()
                        WHERE order_id = ANY(:orders) OR customer_wa_id_hash = :wa OR customer_user_id_hash = :wa
                        """)
                .param("orders", request.orderIds().toArray(String[]::new))
                .param("wa", lookupHash.hash(request.waId()))
                .param("erased", cipher.encrypt("erased:" + request.erasureId(), PAYMENT_CUSTOMER_USER_ID))
                .update();
        return new ErasureResult(
                0, anonymized, "payment: %d anonymized (amounts, IVA, ledger and receipts kept)".formatted(anonymized));
    }
}
