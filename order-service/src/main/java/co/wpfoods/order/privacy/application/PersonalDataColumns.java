package co.wpfoods.order.privacy.application;

import co.wpfoods.security.crypto.ReEncryptionJob.EncryptedColumn;
import java.util.List;

/**
 * Every column of order-service that holds personal data encrypted with the {@code PersonalDataCipher}, with the
 * cipher context (AES-GCM associated data) it is written with: the adapters, the migration that moved the clear
 * values ({@code V5__Encrypt_personal_data}) and the re-encryption job read this one list.
 */
public final class PersonalDataColumns {

    public static final String STAFF_WA_ID = "order_service.restaurant_staff.wa_id";
    public static final String ORDER_CUSTOMER_KEY = "order_service.customer_order.customer_key";
    public static final String ORDER_CUSTOMER_WA_ID = "order_service.customer_order.customer_wa_id";
    public static final String ORDER_CUSTOMER_USER_ID = "order_service.customer_order.customer_user_id";
    public static final String ORDER_CUSTOMER_NAME = "order_service.customer_order.customer_name";
    public static final String ORDER_DELIVERY_ADDRESS = "order_service.customer_order.delivery_address";
    public static final String ORDER_DELIVERY_POINT = "order_service.customer_order.delivery_point";
    public static final String ORDER_NOTES = "order_service.customer_order.notes";
    public static final String HISTORY_NOTE = "order_service.customer_order_history.note";
    public static final String CONVERSATION_PERSON_KEY = "order_service.conversation.person_key";
    public static final String CONVERSATION_STATE = "order_service.conversation.state";
    public static final String TICKET_CUSTOMER_KEY = "order_service.support_ticket.customer_key";
    public static final String TICKET_TEXT = "order_service.support_ticket.text";
    public static final String TICKET_HANDLED_BY = "order_service.support_ticket.handled_by";
    public static final String ERASURE_WA_ID = "order_service.privacy_erasure.wa_id";

    public static final List<EncryptedColumn> ALL = List.of(
            new EncryptedColumn("restaurant_staff", "wa_id_hash", "wa_id_enc", STAFF_WA_ID),
            new EncryptedColumn("customer_order", "id", "customer_key_enc", ORDER_CUSTOMER_KEY),
            new EncryptedColumn("customer_order", "id", "customer_wa_id_enc", ORDER_CUSTOMER_WA_ID),
            new EncryptedColumn("customer_order", "id", "customer_user_id_enc", ORDER_CUSTOMER_USER_ID),
            new EncryptedColumn("customer_order", "id", "customer_name_enc", ORDER_CUSTOMER_NAME),
            new EncryptedColumn("customer_order", "id", "delivery_address_enc", ORDER_DELIVERY_ADDRESS),
            new EncryptedColumn("customer_order", "id", "delivery_point_enc", ORDER_DELIVERY_POINT),
            new EncryptedColumn("customer_order", "id", "notes_enc", ORDER_NOTES),
            new EncryptedColumn("customer_order_history", "id", "note_enc", HISTORY_NOTE),
            new EncryptedColumn("conversation", "person_hash", "person_key_enc", CONVERSATION_PERSON_KEY),
            new EncryptedColumn("conversation", "person_hash", "state_enc", CONVERSATION_STATE),
            new EncryptedColumn("support_ticket", "id", "customer_key_enc", TICKET_CUSTOMER_KEY),
            new EncryptedColumn("support_ticket", "id", "text_enc", TICKET_TEXT),
            new EncryptedColumn("support_ticket", "id", "handled_by_enc", TICKET_HANDLED_BY),
            new EncryptedColumn("privacy_erasure", "id", "wa_id_enc", ERASURE_WA_ID));

    private PersonalDataColumns() {}
}
