package co.wpfoods.payment.privacy.adapter.out.db;

import static co.wpfoods.payment.privacy.application.PersonalDataColumns.PAYMENT_CUSTOMER_USER_ID;
import static co.wpfoods.payment.privacy.application.PersonalDataColumns.PAYMENT_CUSTOMER_WA_ID;
import static co.wpfoods.security.crypto.PlaintextMigration.Target.encrypted;
import static co.wpfoods.security.crypto.PlaintextMigration.Target.hashed;

import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.PlaintextMigration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Ley 1581: the customer's WhatsApp number and Meta user id only encrypted (AES-256-GCM) and as keyed hashes (the
 * erasure finds a person's payments by them). Moves existing rows with the environment's keys, drops the clear
 * columns, in one transaction. Registered as a bean: Spring Boot's Flyway runs it after V2.
 */
public class V3__Encrypt_personal_data extends BaseJavaMigration {

    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    public V3__Encrypt_personal_data(PersonalDataCipher cipher, LookupHash lookupHash) {
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public void migrate(Context context) throws Exception {
        var m = new PlaintextMigration(context.getConnection(), cipher, lookupHash);
        m.execute("""
                ALTER TABLE payment
                    ADD COLUMN customer_wa_id_hash bytea, ADD COLUMN customer_wa_id_enc bytea,
                    ADD COLUMN customer_user_id_hash bytea, ADD COLUMN customer_user_id_enc bytea
                """);
        m.move(
                "payment",
                "id",
                hashed("customer_wa_id", "customer_wa_id_hash"),
                encrypted("customer_wa_id", "customer_wa_id_enc", PAYMENT_CUSTOMER_WA_ID),
                hashed("customer_user_id", "customer_user_id_hash"),
                encrypted("customer_user_id", "customer_user_id_enc", PAYMENT_CUSTOMER_USER_ID));
        m.execute("""
                ALTER TABLE payment DROP COLUMN customer_wa_id, DROP COLUMN customer_user_id;
                CREATE INDEX payment_customer_wa_id_idx ON payment (customer_wa_id_hash);
                CREATE INDEX payment_customer_user_id_idx ON payment (customer_user_id_hash);
                """);
    }
}
