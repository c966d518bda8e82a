package co.wpfoods.dispatch.privacy.adapter.out.db;

import static co.wpfoods.dispatch.privacy.application.PersonalDataColumns.*;
import static co.wpfoods.security.crypto.PlaintextMigration.Target.encrypted;
import static co.wpfoods.security.crypto.PlaintextMigration.Target.hashed;

import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.PlaintextMigration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Ley 1581: the rapitenderos' and customers' personal data at rest only encrypted (AES-256-GCM) or as a keyed hash.
 * Adds the new columns, moves every existing row (with the keys of the environment, so this runs in Java), drops the
 * clear columns — one transaction. The restaurant's pickup address and point stay in clear (business data the batch
 * reads in bulk). Registered as a bean: Spring Boot's Flyway runs it after V4.
 */
public class V5__Encrypt_personal_data extends BaseJavaMigration {

    private static final String POINT_OF = "%1$s_latitude::text || ',' || %1$s_longitude::text";

    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    public V5__Encrypt_personal_data(PersonalDataCipher cipher, LookupHash lookupHash) {
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public void migrate(Context context) throws Exception {
        var m = new PlaintextMigration(context.getConnection(), cipher, lookupHash);

        m.execute(
                "ALTER TABLE worker ADD COLUMN wa_id_hash bytea, ADD COLUMN wa_id_enc bytea, ADD COLUMN name_enc bytea");
        m.move(
                "worker",
                "id",
                hashed("wa_id", "wa_id_hash"),
                encrypted("wa_id", "wa_id_enc", WORKER_WA_ID),
                encrypted("name", "name_enc", WORKER_NAME));
        m.execute("""
                ALTER TABLE worker DROP COLUMN wa_id, DROP COLUMN name,
                    ALTER COLUMN wa_id_hash SET NOT NULL, ALTER COLUMN wa_id_enc SET NOT NULL,
                    ALTER COLUMN name_enc SET NOT NULL, ADD CONSTRAINT worker_wa_id_hash_key UNIQUE (wa_id_hash)
                """);

        m.execute("ALTER TABLE worker_state ADD COLUMN location_enc bytea");
        m.move(
                "worker_state",
                "worker_id",
                encrypted("latitude::text || ',' || longitude::text", "location_enc", STATE_LOCATION));
        m.execute("ALTER TABLE worker_state DROP COLUMN latitude, DROP COLUMN longitude");

        m.execute("ALTER TABLE worker_location ADD COLUMN point_enc bytea");
        m.move(
                "worker_location",
                "id",
                encrypted("latitude::text || ',' || longitude::text", "point_enc", TRAIL_POINT));
        m.execute("""
                ALTER TABLE worker_location DROP COLUMN latitude, DROP COLUMN longitude,
                    ALTER COLUMN point_enc SET NOT NULL
                """);

        m.execute("""
                ALTER TABLE dispatch_order
                    ADD COLUMN customer_wa_id_hash bytea, ADD COLUMN customer_wa_id_enc bytea,
                    ADD COLUMN customer_first_name_enc bytea, ADD COLUMN delivery_address_enc bytea,
                    ADD COLUMN delivery_point_enc bytea
                """);
        m.move(
                "dispatch_order",
                "order_id",
                hashed("customer_wa_id", "customer_wa_id_hash"),
                encrypted("customer_wa_id", "customer_wa_id_enc", ORDER_CUSTOMER_WA_ID),
                encrypted("customer_first_name", "customer_first_name_enc", ORDER_CUSTOMER_FIRST_NAME),
                encrypted("delivery_address", "delivery_address_enc", ORDER_DELIVERY_ADDRESS),
                encrypted(POINT_OF.formatted("delivery"), "delivery_point_enc", ORDER_DELIVERY_POINT));
        m.execute("""
                ALTER TABLE dispatch_order
                    DROP COLUMN customer_wa_id, DROP COLUMN customer_first_name, DROP COLUMN delivery_address,
                    DROP COLUMN delivery_latitude, DROP COLUMN delivery_longitude;
                CREATE INDEX dispatch_order_customer_wa_id ON dispatch_order (customer_wa_id_hash);
                """);

        m.execute("ALTER TABLE worker_prompt ADD COLUMN prompt_enc bytea");
        m.move("worker_prompt", "worker_id", encrypted("prompt", "prompt_enc", PROMPT_TEXT));
        m.execute("ALTER TABLE worker_prompt DROP COLUMN prompt, ALTER COLUMN prompt_enc SET NOT NULL");
    }
}
