package co.wpfoods.order.privacy.adapter.out.db;

import co.wpfoods.order.privacy.application.CustomerRecords;
import co.wpfoods.order.privacy.application.PersonalDataColumns;
import co.wpfoods.privacy.domain.ErasureRequest;
import co.wpfoods.privacy.domain.ErasureResult;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A person's rows in order-service, found by the keyed hash of their WhatsApp number ({@code customer_key} is the
 * number, or Meta's business-scoped user id for a person without one; both stored only encrypted and hashed). Orders are kept for tax (Estatuto Tributario: invoices and their
 * support for five years) with totals, IVA, lines and history intact; the person's fields (their ciphertexts and
 * the hash of their number) are emptied and the key replaced by {@code erased:<erasure id>}.
 */
@Repository
class JdbcCustomerRecords implements CustomerRecords {

    private static final String MINE = "(customer_key_hash = :wa OR customer_wa_id_hash = :wa)";

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    JdbcCustomerRecords(JdbcClient jdbc, PersonalDataCipher cipher, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public List<OrderRef> ordersOf(String waId) {
        return jdbc.sql("SELECT id, reference FROM customer_order WHERE " + MINE + " ORDER BY placed_at")
                .param("wa", lookupHash.hash(waId))
                .query((rs, n) -> new OrderRef(rs.getString("id"), rs.getString("reference")))
                .list();
    }

    @Override
    public Optional<String> orderInProgress(String waId) {
        return jdbc.sql("SELECT reference FROM customer_order WHERE " + MINE
                        + " AND status NOT IN ('DELIVERED', 'CANCELLED') ORDER BY placed_at DESC LIMIT 1")
                .param("wa", lookupHash.hash(waId))
                .query(String.class)
                .optional();
    }

    @Override
    public Counts counts(String waId) {
        var orders = jdbc.sql("SELECT count(*) AS n, max(placed_at) AS last FROM customer_order WHERE " + MINE)
                .param("wa", lookupHash.hash(waId))
                .query((rs, n) -> new Object[] {rs.getLong("n"), rs.getTimestamp("last")})
                .single();
        String lastReference = jdbc.sql(
                        "SELECT reference FROM customer_order WHERE " + MINE + " ORDER BY placed_at DESC LIMIT 1")
                .param("wa", lookupHash.hash(waId))
                .query(String.class)
                .optional()
                .orElse(null);
        long open = jdbc.sql("SELECT count(*) FROM support_ticket WHERE customer_key_hash = :wa AND status = 'OPEN'")
                .param("wa", lookupHash.hash(waId))
                .query(Long.class)
                .single();
        Timestamp last = (Timestamp) orders[1];
        return new Counts((Long) orders[0], last == null ? null : last.toInstant(), lastReference, open);
    }

    @Override
    public ErasureResult erase(ErasureRequest request) {
        byte[] wa = lookupHash.hash(request.waId());
        String erased = "erased:" + request.erasureId();
        int history = jdbc.sql("""
                        UPDATE customer_order_history SET note_enc = NULL
                        WHERE note_enc IS NOT NULL AND order_id IN (SELECT id FROM customer_order WHERE %s)
                        """.formatted(MINE)).param("wa", wa).update();
        int orders = jdbc.sql("""
                        UPDATE customer_order SET
                            customer_key_hash = :erasedHash, customer_key_enc = :erased, customer_wa_id_hash = NULL,
                            customer_wa_id_enc = NULL, customer_user_id_enc = NULL, customer_name_enc = NULL,
                            delivery_address_enc = NULL, delivery_point_enc = NULL, notes_enc = NULL,
                            cancel_detail = NULL, payment_link = NULL, updated_at = now()
                        WHERE %s
                        """.formatted(MINE))
                .param("wa", wa)
                .param("erasedHash", lookupHash.hash(erased))
                .param("erased", cipher.encrypt(erased, PersonalDataColumns.ORDER_CUSTOMER_KEY))
                .update();
        int tickets = jdbc.sql("DELETE FROM support_ticket WHERE customer_key_hash = :wa")
                .param("wa", wa)
                .update();
        int conversations = jdbc.sql("DELETE FROM conversation WHERE person_hash = :wa AND role = 'CUSTOMER'")
                .param("wa", wa)
                .update();
        int winBacks = jdbc.sql("DELETE FROM marketing_win_back WHERE customer_hash = :wa")
                .param("wa", wa)
                .update();
        return new ErasureResult(
                tickets + conversations + winBacks,
                orders,
                "conversation: %d deleted; support_ticket: %d deleted; marketing_win_back: %d deleted; customer_order: %d anonymized (totals and IVA kept); customer_order_history: %d notes removed"
                        .formatted(conversations, tickets, winBacks, orders, history));
    }
}
