package co.wpfoods.messaging.privacy.adapter.out.db;

import static co.wpfoods.messaging.sending.application.PersonalDataColumns.OUTBOUND_COMMAND;
import static co.wpfoods.security.crypto.PlaintextMigration.Target.hashed;

import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.PlaintextMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Ley 1581: the outbound log, the recipient queues and the 24-hour windows keep no number in clear. Every recipient
 * becomes the keyed hash of its number ({@code recipient_hash}, still the queue and window key) and every command's
 * Avro bytes — the number, names, addresses, texts — are encrypted as they are (AES-256-GCM, {@code command_enc}); a
 * correlation id naming the recipient ({@code conv:<number>}) keeps {@code {to}} in its place; the windows lose the
 * inbound message id they kept and never read (Meta's wamid encodes the sender's number). One
 * transaction, with the environment's keys (so this runs in Java). Registered as a bean: Spring Boot's Flyway runs it
 * after V5.
 */
public class V6__Encrypt_personal_data extends BaseJavaMigration {

    private static final int BATCH = 500;

    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    public V6__Encrypt_personal_data(PersonalDataCipher cipher, LookupHash lookupHash) {
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        var m = new PlaintextMigration(connection, cipher, lookupHash);

        m.execute("ALTER TABLE outbound_message ADD COLUMN recipient_hash bytea, ADD COLUMN command_enc bytea");
        // order-service's conversation replies are correlated conv:<number> / staff:<number>: the log keeps {to}
        m.execute("""
                UPDATE outbound_message SET correlation_id = replace(correlation_id, recipient, '{to}')
                WHERE recipient <> 'unknown' AND recipient <> '' AND position(recipient in correlation_id) > 0
                """);
        // one pass over the log: the command is bytes (not text), so PlaintextMigration.move does not fit it
        try (Statement query = connection.createStatement();
                PreparedStatement write = connection.prepareStatement(
                        "UPDATE outbound_message SET recipient_hash = ?, command_enc = ? WHERE command_id = ?")) {
            query.setFetchSize(BATCH);
            try (ResultSet rs = query.executeQuery("SELECT command_id, recipient, command FROM outbound_message")) {
                int n = 0;
                while (rs.next()) {
                    write.setBytes(1, lookupHash.hash(rs.getString(2)));
                    write.setBytes(2, cipher.encryptBytes(rs.getBytes(3), OUTBOUND_COMMAND));
                    write.setString(3, rs.getString(1));
                    write.addBatch();
                    if (++n % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        // dropping the clear columns drops their indexes (V2's pending index, V5's recipient index): made again on the
        // hash
        m.execute("""
                ALTER TABLE outbound_message DROP COLUMN recipient, DROP COLUMN command,
                    ALTER COLUMN recipient_hash SET NOT NULL, ALTER COLUMN command_enc SET NOT NULL;
                CREATE INDEX outbound_message_pending ON outbound_message (recipient_hash, seq)
                    WHERE state IN ('queued', 'sending', 'unanswered');
                CREATE INDEX outbound_message_recipient ON outbound_message (recipient_hash);
                """);

        m.execute("ALTER TABLE recipient_queue ADD COLUMN recipient_hash bytea");
        m.move("recipient_queue", "recipient", hashed("recipient", "recipient_hash"));
        m.execute("""
                ALTER TABLE recipient_queue DROP CONSTRAINT recipient_queue_pkey, DROP COLUMN recipient,
                    ALTER COLUMN recipient_hash SET NOT NULL, ADD PRIMARY KEY (recipient_hash)
                """);

        m.execute("ALTER TABLE customer_window ADD COLUMN recipient_hash bytea");
        m.move("customer_window", "recipient", hashed("recipient", "recipient_hash"));
        m.execute("""
                ALTER TABLE customer_window DROP CONSTRAINT customer_window_pkey, DROP COLUMN recipient,
                    DROP COLUMN last_message_id, ALTER COLUMN recipient_hash SET NOT NULL,
                    ADD PRIMARY KEY (recipient_hash)
                """);
    }
}
