package co.wpfoods.dispatch.privacy.adapter.out.db;

import co.wpfoods.privacy.application.PersonalData;
import co.wpfoods.privacy.domain.ErasureRequest;
import co.wpfoods.privacy.domain.ErasureResult;
import co.wpfoods.security.crypto.LookupHash;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer's data in dispatch: the order read model keeps the order (totals, payment method, status: the worker's
 * earnings and the delivery records refer to it) with the customer's number, first name, address, coordinates and PIN
 * removed; the worker's location trail of those deliveries (it ends at the customer's door) is deleted, and the
 * alerts' free-text detail about them cleared, and the last question sent to the rapitenderos offered those orders
 * (it can quote the customer's name and address) deleted. The person is found by the keyed hash of the number (no
 * number is kept in clear); the hash and every ciphertext of theirs are emptied. A person who is also a registered
 * rapitendero keeps that registration: ops deactivate workers through the worker API.
 */
public class JdbcDispatchPersonalData implements PersonalData {

    private static final String MINE = "(order_id = ANY(:orders) OR customer_wa_id_hash = :wa)";

    private final JdbcClient jdbc;
    private final LookupHash lookupHash;

    public JdbcDispatchPersonalData(JdbcClient jdbc, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
    }

    @Override
    public ErasureResult erase(ErasureRequest request) {
        String[] orders = request.orderIds().toArray(String[]::new);
        byte[] wa = lookupHash.hash(request.waId());
        int prompts = jdbc.sql(
                        "DELETE FROM worker_prompt WHERE worker_id IN (SELECT worker_id FROM offer WHERE order_id IN"
                                + " (SELECT order_id FROM dispatch_order WHERE " + MINE + "))")
                .param("orders", orders)
                .param("wa", wa)
                .update();
        int trail = jdbc.sql("DELETE FROM worker_location WHERE order_id IN (SELECT order_id FROM dispatch_order WHERE "
                        + MINE + ")")
                .param("orders", orders)
                .param("wa", wa)
                .update();
        int alerts = jdbc.sql("UPDATE ops_alert SET detail = NULL WHERE detail IS NOT NULL AND order_id IN "
                        + "(SELECT order_id FROM dispatch_order WHERE " + MINE + ")")
                .param("orders", orders)
                .param("wa", wa)
                .update();
        int anonymized = jdbc.sql("""
                        UPDATE dispatch_order SET customer_wa_id_hash = NULL, customer_wa_id_enc = NULL,
                            customer_first_name_enc = NULL, delivery_address_enc = NULL, delivery_point_enc = NULL,
                            delivery_pin = NULL
                        WHERE %s
                        """.formatted(MINE))
                .param("orders", orders)
                .param("wa", wa)
                .update();
        return new ErasureResult(
                trail + prompts,
                anonymized + alerts,
                ("dispatch_order: %d anonymized (totals kept); worker_location: %d deleted; worker_prompt: %d deleted;"
                                + " ops_alert: %d details cleared")
                        .formatted(anonymized, trail, prompts, alerts));
    }
}
