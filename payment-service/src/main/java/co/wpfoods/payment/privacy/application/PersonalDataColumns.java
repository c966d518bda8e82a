package co.wpfoods.payment.privacy.application;

import co.wpfoods.security.crypto.ReEncryptionJob.EncryptedColumn;
import java.util.List;

/**
 * Every column of payment-service that holds personal data encrypted with the {@code PersonalDataCipher}, with its
 * cipher context: the adapters, the migration ({@code V3__Encrypt_personal_data}) and the re-encryption job read it.
 */
public final class PersonalDataColumns {

    public static final String PAYMENT_CUSTOMER_WA_ID = "payment_service.payment.customer_wa_id";
    public static final String PAYMENT_CUSTOMER_USER_ID = "payment_service.payment.customer_user_id";

    public static final List<EncryptedColumn> ALL = List.of(
            new EncryptedColumn("payment", "id", "customer_wa_id_enc", PAYMENT_CUSTOMER_WA_ID),
            new EncryptedColumn("payment", "id", "customer_user_id_enc", PAYMENT_CUSTOMER_USER_ID));

    private PersonalDataColumns() {}
}
