package co.wpfoods.order.privacy.adapter.out.db;

import static co.wpfoods.order.privacy.application.PersonalDataColumns.*;
import static co.wpfoods.security.crypto.PlaintextMigration.Target.encrypted;
import static co.wpfoods.security.crypto.PlaintextMigration.Target.hashed;

import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.PlaintextMigration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Ley 1581: personal data at rest only encrypted (AES-256-GCM) or as a keyed hash. Adds the new columns, moves every
 * existing row (with the keys of the environment, so this runs in Java), drops the clear columns — one transaction.
 * Registered as a bean: Spring Boot's Flyway runs it after V4.
 */
public class V5__Encrypt_personal_data extends BaseJavaMigration {

    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    public V5__Encrypt_personal_data(PersonalDataCipher cipher, LookupHash lookupHash) {
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public void migrate(Context context) throws Exception {
        var m = new PlaintextMigration(context.getConnection(), cipher, lookupHash);

        m.execute("ALTER TABLE restaurant_staff ADD COLUMN wa_id_hash bytea, ADD COLUMN wa_id_enc bytea");
        m.move(
                "restaurant_staff",
                "wa_id",
                hashed("wa_id", "wa_id_hash"),
                encrypted("wa_id", "wa_id_enc", STAFF_WA_ID));
        m.execute("""
                ALTER TABLE restaurant_staff DROP CONSTRAINT restaurant_staff_pkey, DROP COLUMN wa_id,
                    ALTER COLUMN wa_id_hash SET NOT NULL, ALTER COLUMN wa_id_enc SET NOT NULL,
                    ADD PRIMARY KEY (wa_id_hash)
                """);

        m.execute("""
                ALTER TABLE customer_order
                    ADD COLUMN customer_key_hash bytea, ADD COLUMN customer_key_enc bytea,
                    ADD COLUMN customer_wa_id_hash bytea, ADD COLUMN customer_wa_id_enc bytea,
                    ADD COLUMN customer_user_id_enc bytea, ADD COLUMN customer_name_enc bytea,
                    ADD COLUMN delivery_address_enc bytea, ADD COLUMN delivery_point_enc bytea,
                    ADD COLUMN notes_enc bytea
                """);
        m.move(
                "customer_order",
                "id",
                hashed("customer_key", "customer_key_hash"),
                encrypted("customer_key", "customer_key_enc", ORDER_CUSTOMER_KEY),
                hashed("customer_wa_id", "customer_wa_id_hash"),
                encrypted("customer_wa_id", "customer_wa_id_enc", ORDER_CUSTOMER_WA_ID),
                encrypted("customer_user_id", "customer_user_id_enc", ORDER_CUSTOMER_USER_ID),
                encrypted("customer_name", "customer_name_enc", ORDER_CUSTOMER_NAME),
                encrypted("delivery_address", "delivery_address_enc", ORDER_DELIVERY_ADDRESS),
                encrypted(
                        "delivery_latitude::text || ',' || delivery_longitude::text",
                        "delivery_point_enc",
                        ORDER_DELIVERY_POINT),
                encrypted("notes", "notes_enc", ORDER_NOTES));
        m.execute("""
                DROP INDEX customer_order_customer;
                ALTER TABLE customer_order
                    DROP COLUMN customer_key, DROP COLUMN customer_wa_id, DROP COLUMN customer_user_id,
                    DROP COLUMN customer_name, DROP COLUMN delivery_address, DROP COLUMN delivery_latitude,
                    DROP COLUMN delivery_longitude, DROP COLUMN notes,
                    ALTER COLUMN customer_key_hash SET NOT NULL, ALTER COLUMN customer_key_enc SET NOT NULL;
                CREATE INDEX customer_order_customer ON customer_order (customer_key_hash, placed_at DESC);
                CREATE INDEX customer_order_customer_wa_id ON customer_order (customer_wa_id_hash);
                """);

        m.execute("""
                ALTER TABLE customer_order_history
                    ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY UNIQUE, ADD COLUMN note_enc bytea
                """);
        m.move("customer_order_history", "id", encrypted("note", "note_enc", HISTORY_NOTE));
        m.execute("ALTER TABLE customer_order_history DROP COLUMN note");

        m.execute("""
                ALTER TABLE conversation
                    ADD COLUMN person_hash bytea, ADD COLUMN person_key_enc bytea, ADD COLUMN state_enc bytea
                """);
        m.move(
                "conversation",
                "person_key",
                hashed("person_key", "person_hash"),
                encrypted("person_key", "person_key_enc", CONVERSATION_PERSON_KEY),
                encrypted("state::text", "state_enc", CONVERSATION_STATE));
        m.execute("""
                ALTER TABLE conversation DROP CONSTRAINT conversation_pkey, DROP COLUMN person_key, DROP COLUMN state,
                    ALTER COLUMN person_hash SET NOT NULL, ALTER COLUMN person_key_enc SET NOT NULL,
                    ALTER COLUMN state_enc SET NOT NULL, ADD PRIMARY KEY (person_hash)
                """);

        m.execute("""
                ALTER TABLE support_ticket
                    ADD COLUMN customer_key_hash bytea, ADD COLUMN customer_key_enc bytea, ADD COLUMN text_enc bytea,
                    ADD COLUMN handled_by_enc bytea
                """);
        m.move(
                "support_ticket",
                "id",
                hashed("customer_key", "customer_key_hash"),
                encrypted("customer_key", "customer_key_enc", TICKET_CUSTOMER_KEY),
                encrypted("text", "text_enc", TICKET_TEXT),
                encrypted("handled_by", "handled_by_enc", TICKET_HANDLED_BY));
        m.execute("""
                ALTER TABLE support_ticket DROP COLUMN customer_key, DROP COLUMN text, DROP COLUMN handled_by,
                    ALTER COLUMN customer_key_hash SET NOT NULL, ALTER COLUMN customer_key_enc SET NOT NULL,
                    ALTER COLUMN text_enc SET NOT NULL;
                CREATE INDEX support_ticket_customer ON support_ticket (customer_key_hash);
                """);

        m.execute("ALTER TABLE privacy_erasure ADD COLUMN wa_id_hash bytea, ADD COLUMN wa_id_enc bytea");
        m.move("privacy_erasure", "id", hashed("wa_id", "wa_id_hash"), encrypted("wa_id", "wa_id_enc", ERASURE_WA_ID));
        m.execute("""
                DROP INDEX privacy_erasure_running;
                ALTER TABLE privacy_erasure DROP COLUMN wa_id;
                CREATE UNIQUE INDEX privacy_erasure_running ON privacy_erasure (wa_id_hash) WHERE completed_at IS NULL;
                """);
    }
}
