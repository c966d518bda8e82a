package co.wpfoods.dispatch.privacy.adapter.out.db;

import co.wpfoods.dispatch.privacy.application.PersonalData;
import co.wpfoods.dispatch.privacy.domain.ErasureRequest;
import co.wpfoods.dispatch.privacy.domain.ErasureResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer's data in dispatch: the order read model keeps the order (totals, payment method, status: the worker's
 * earnings and the delivery records refer to it) with the customer's number, first name, address, coordinates and PIN
 * removed; the worker's location trail of those deliveries (it ends at the customer's door) is deleted, and the
 * alerts' free-text detail about them cleared. A person who is also a registered rapitendero keeps that registration:
 * ops deactivate workers through the worker API.
 */
public class JdbcDispatchPersonalData implements PersonalData {

    private static final String MINE = "(order_id = ANY(:orders) OR customer_wa_id = :wa)";

    private final JdbcClient jdbc;

    public JdbcDispatchPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ErasureResult erase(ErasureRequest request) {
        String[] orders = request.orderIds().toArray(String[]::new);
        int trail = jdbc.sql("DELETE FROM worker_location WHERE order_id IN (SELECT order_id FROM dispatch_order WHERE "
                        + MINE + ")")
                .param("orders", orders)
                .param("wa", request.waId())
                .update();
        int alerts = jdbc.sql("UPDATE ops_alert SET detail = NULL WHERE detail IS NOT NULL AND order_id IN "
                        + "(SELECT order_id FROM dispatch_order WHERE " + MINE + ")")
                .param("orders", orders)
                .param("wa", request.waId())
                .update();
        int anonymized = jdbc.sql("""
                        UPDATE dispatch_order SET customer_wa_id = :erased, customer_first_name = NULL,
                            delivery_address = NULL, delivery_latitude = NULL, delivery_longitude = NULL,
                            delivery_pin = NULL
                        WHERE %s
                        """.formatted(MINE))
                .param("orders", orders)
                .param("wa", request.waId())
                .param("erased", "erased:" + request.erasureId())
                .update();
        return new ErasureResult(
                trail,
                anonymized + alerts,
                "dispatch_order: %d anonymized (totals kept); worker_location: %d deleted; ops_alert: %d details cleared"
                        .formatted(anonymized, trail, alerts));
    }
}
