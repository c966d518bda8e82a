package co.wpfoods.order.consent.adapter.out.db;

import static co.wpfoods.order.privacy.application.PersonalDataColumns.CONVERSATION_STATE;

import co.wpfoods.order.conversation.domain.CustomerChat;
import co.wpfoods.security.crypto.PersonalDataCipher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ley 1581: the consent ledger's table in order-service's database, created from platform security's own DDL
 * ({@code db/security/V0_0_2__security_consent.sql}, read from the classpath so there is one definition; it is not a
 * Flyway location here, whose lower version would not run on existing databases), then the consents given before the
 * ledger existed: every customer conversation whose state holds a consent time gets a {@code PERSONAL_DATA} grant at
 * that time, keyed by the conversation's hash (the same keyed hash of the number the ledger uses), with the policy
 * version configured when this runs — the only one presented until then. A Java migration because the state is
 * encrypted; registered as a bean so it has the keys.
 */
public class V6__Consent_ledger extends BaseJavaMigration {

    static final String LEDGER_DDL = "db/security/V0_0_2__security_consent.sql";
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final PersonalDataCipher cipher;
    private final String policyVersion;

    public V6__Consent_ledger(PersonalDataCipher cipher, String policyVersion) {
        this.cipher = cipher;
        this.policyVersion = policyVersion;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute(ledgerDdl());
        }
        recordConsentsKeptInConversations(connection);
    }

    /**
     * Records a {@code PERSONAL_DATA} grant for every customer conversation that holds a consent time and has no
     * grant in the ledger yet (so running it again adds nothing). Returns how many were recorded.
     */
    public int recordConsentsKeptInConversations(Connection connection) throws SQLException {
        int recorded = 0;
        try (PreparedStatement select = connection.prepareStatement("""
                        SELECT c.person_hash, c.state_enc FROM conversation c
                        WHERE c.role = 'CUSTOMER' AND NOT EXISTS (
                            SELECT 1 FROM security_consent_event e
                            WHERE e.subject_hash = c.person_hash AND e.purpose = 'PERSONAL_DATA')
                        """);
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO security_consent_event (subject_hash, purpose, action, policy_version, recorded_at)
                        VALUES (?, 'PERSONAL_DATA', 'GRANTED', ?, ?)
                        """)) {
            select.setFetchSize(500);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    var state =
                            JSON.readValue(cipher.decrypt(rows.getBytes(2), CONVERSATION_STATE), CustomerChat.class);
                    if (state.consentAt == null) {
                        continue;
                    }
                    insert.setBytes(1, rows.getBytes(1));
                    insert.setString(2, policyVersion);
                    insert.setTimestamp(3, Timestamp.from(state.consentAt));
                    insert.addBatch();
                    recorded++;
                }
            }
            if (recorded > 0) {
                insert.executeBatch();
            }
        }
        return recorded;
    }

    static String ledgerDdl() throws IOException {
        try (InputStream in = V6__Consent_ledger.class.getClassLoader().getResourceAsStream(LEDGER_DDL)) {
            if (in == null) {
                throw new IllegalStateException(LEDGER_DDL + " is not on the classpath (platform security)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
