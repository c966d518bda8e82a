package co.wpfoods.dispatch.privacy.application;

import co.wpfoods.security.crypto.ReEncryptionJob.EncryptedColumn;
import java.util.List;

/**
 * Every column of dispatch-service that holds personal data encrypted with the {@code PersonalDataCipher}, with the
 * cipher context (AES-GCM associated data) it is written with: the adapters, the migration that moved the clear values
 * ({@code V5__Encrypt_personal_data}) and the re-encryption job read this one list. A point is stored as the text
 * {@code "latitude,longitude"} ({@link #point}, {@link #parsePoint}).
 */
public final class PersonalDataColumns {

    public static final String WORKER_WA_ID = "dispatch_service.worker.wa_id";
    public static final String WORKER_NAME = "dispatch_service.worker.name";
    public static final String STATE_LOCATION = "dispatch_service.worker_state.location";
    public static final String TRAIL_POINT = "dispatch_service.worker_location.point";
    public static final String ORDER_CUSTOMER_WA_ID = "dispatch_service.dispatch_order.customer_wa_id";
    public static final String ORDER_CUSTOMER_FIRST_NAME = "dispatch_service.dispatch_order.customer_first_name";
    public static final String ORDER_DELIVERY_ADDRESS = "dispatch_service.dispatch_order.delivery_address";
    public static final String ORDER_DELIVERY_POINT = "dispatch_service.dispatch_order.delivery_point";
    public static final String PROMPT_TEXT = "dispatch_service.worker_prompt.prompt";

    public static final List<EncryptedColumn> ALL = List.of(
            new EncryptedColumn("worker", "id", "wa_id_enc", WORKER_WA_ID),
            new EncryptedColumn("worker", "id", "name_enc", WORKER_NAME),
            new EncryptedColumn("worker_state", "worker_id", "location_enc", STATE_LOCATION),
            new EncryptedColumn("worker_location", "id", "point_enc", TRAIL_POINT),
            new EncryptedColumn("dispatch_order", "order_id", "customer_wa_id_enc", ORDER_CUSTOMER_WA_ID),
            new EncryptedColumn("dispatch_order", "order_id", "customer_first_name_enc", ORDER_CUSTOMER_FIRST_NAME),
            new EncryptedColumn("dispatch_order", "order_id", "delivery_address_enc", ORDER_DELIVERY_ADDRESS),
            new EncryptedColumn("dispatch_order", "order_id", "delivery_point_enc", ORDER_DELIVERY_POINT),
            new EncryptedColumn("worker_prompt", "worker_id", "prompt_enc", PROMPT_TEXT));

    /** A point as stored encrypted: the same text PostgreSQL gives {@code latitude::text || ',' || longitude::text}. */
    public static String point(double latitude, double longitude) {
        return Double.toString(latitude) + ',' + Double.toString(longitude);
    }

    /** {@code [latitude, longitude]} of a point written by {@link #point}. */
    public static double[] parsePoint(String text) {
        int comma = text.indexOf(',');
        return new double[] {Double.parseDouble(text.substring(0, comma)), Double.parseDouble(text.substring(comma + 1))
        };
    }

    private PersonalDataColumns() {}
}
