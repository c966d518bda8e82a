package co.wpfoods.webhook.privacy.adapter.out.db;

import static co.wpfoods.webhook.privacy.application.PersonalDataColumns.RAW_WEBHOOK_BODY;

import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.PlaintextMigration;
import co.wpfoods.webhook.receiving.domain.SenderIdentity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ley 1581: personal data at rest only encrypted or as keyed hashes. The archived POSTs are encrypted as they are
 * (AES-256-GCM, byte for byte) and the people each is about — the numbers and Meta user ids in its messages' {@code
 * from}, contacts' {@code wa_id} and statuses' {@code recipient_id} — go to {@code raw_webhook_party} as keyed hashes,
 * for the erasure; usage counters and the role directory keep only the keyed hash of the number. One transaction,
 * with the environment's keys (so this runs in Java). Registered as a bean: Spring Boot's Flyway runs it after V2.
 */
public class V3__Encrypt_personal_data extends BaseJavaMigration {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> NUMBER_FIELDS = Set.of("from", "wa_id", "recipient_id");
    private static final Set<String> USER_ID_FIELDS = Set.of("from_user_id", "user_id", "recipient_user_id");

    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    public V3__Encrypt_personal_data(PersonalDataCipher cipher, LookupHash lookupHash) {
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        var m = new PlaintextMigration(connection, cipher, lookupHash);

        m.execute("""
                ALTER TABLE raw_webhook ADD COLUMN body_enc bytea;
                CREATE TABLE raw_webhook_party (
                    webhook_id uuid  NOT NULL REFERENCES raw_webhook (id) ON DELETE CASCADE,
                    party_hash bytea NOT NULL,
                    PRIMARY KEY (webhook_id, party_hash)
                );
                CREATE INDEX raw_webhook_party_hash ON raw_webhook_party (party_hash);
                """);
        try (Statement query = connection.createStatement();
                PreparedStatement body =
                        connection.prepareStatement("UPDATE raw_webhook SET body_enc = ? WHERE id = ?");
                PreparedStatement party = connection.prepareStatement(
                        "INSERT INTO raw_webhook_party (webhook_id, party_hash) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            query.setFetchSize(200);
            try (ResultSet rs = query.executeQuery("SELECT id, body FROM raw_webhook")) {
                int n = 0;
                while (rs.next()) {
                    Object id = rs.getObject(1);
                    byte[] clear = rs.getBytes(2);
                    body.setBytes(1, cipher.encryptBytes(clear, RAW_WEBHOOK_BODY));
                    body.setObject(2, id);
                    body.addBatch();
                    for (String person : parties(clear)) {
                        party.setObject(1, id);
                        party.setBytes(2, lookupHash.hash(person));
                        party.addBatch();
                    }
                    if (++n % 200 == 0) {
                        body.executeBatch();
                        party.executeBatch();
                    }
                }
            }
            body.executeBatch();
            party.executeBatch();
        }
        m.execute("ALTER TABLE raw_webhook DROP COLUMN body, ALTER COLUMN body_enc SET NOT NULL");

        m.execute("ALTER TABLE inbound_usage ADD COLUMN sender_hash bytea");
        m.hashDistinct("inbound_usage", "sender", "sender_hash");
        m.execute("""
                ALTER TABLE inbound_usage DROP CONSTRAINT inbound_usage_pkey, DROP COLUMN sender,
                    ALTER COLUMN sender_hash SET NOT NULL, ADD PRIMARY KEY (sender_hash, period, window_start)
                """);

        m.execute("ALTER TABLE role_assignment ADD COLUMN wa_id_hash bytea");
        m.hashDistinct("role_assignment", "wa_id", "wa_id_hash");
        m.execute("""
                ALTER TABLE role_assignment DROP CONSTRAINT role_assignment_pkey, DROP COLUMN wa_id,
                    ALTER COLUMN wa_id_hash SET NOT NULL, ADD PRIMARY KEY (wa_id_hash, source)
                """);
    }

    /** The numbers (normalised as the parser does) and user ids a POST names; none when it is not JSON. */
    static Set<String> parties(byte[] body) {
        Set<String> parties = new HashSet<>();
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return parties;
        }
        collect(root, parties);
        return parties;
    }

    private static void collect(JsonNode node, Set<String> parties) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (var field : node.properties()) {
                JsonNode value = field.getValue();
                if (value.isString() && NUMBER_FIELDS.contains(field.getKey())) {
                    String waId = new SenderIdentity(value.asString(), null).waId();
                    if (waId != null) {
                        parties.add(waId);
                    }
                } else if (value.isString() && USER_ID_FIELDS.contains(field.getKey())) {
                    String userId = new SenderIdentity(null, value.asString()).userId();
                    if (userId != null) {
                        parties.add(userId);
                    }
                } else {
                    collect(value, parties);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, parties);
            }
        }
    }
}
