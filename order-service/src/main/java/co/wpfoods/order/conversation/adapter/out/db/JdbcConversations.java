package co.wpfoods.order.conversation.adapter.out.db;

import static co.wpfoods.order.privacy.application.PersonalDataColumns.CONVERSATION_PERSON_KEY;
import static co.wpfoods.order.privacy.application.PersonalDataColumns.CONVERSATION_STATE;

import co.wpfoods.order.conversation.application.Conversations;
import co.wpfoods.order.conversation.domain.CustomerChat;
import co.wpfoods.order.conversation.domain.StaffChat;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversation rows: state as JSON, read {@code FOR UPDATE} so two replicas (during a rebalance) handle one person's
 * messages one after the other, with a version that counts changes. The row is found by the keyed hash of the person's
 * key (their number) — one HMAC and a primary-key lookup per message — and the state (name, saved addresses, points,
 * cart) is stored encrypted as one value.
 */
@Repository
class JdbcConversations implements Conversations {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    JdbcConversations(JdbcClient jdbc, PersonalDataCipher cipher, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public Optional<CustomerChat> customer(String personKey) {
        return load(personKey, "CUSTOMER", CustomerChat.class);
    }

    @Override
    public void save(String personKey, CustomerChat chat) {
        store(personKey, "CUSTOMER", chat);
    }

    @Override
    public Optional<String> language(String personKey) {
        return jdbc.sql("SELECT state_enc FROM conversation WHERE person_hash = :key")
                .param("key", lookupHash.hash(personKey))
                .query((rs, n) -> JSON.readTree(cipher.decrypt(rs.getBytes(1), CONVERSATION_STATE))
                        .path("language"))
                .optional()
                .filter(JsonNode::isString)
                .map(JsonNode::asString);
    }

    @Override
    public Optional<StaffChat> staff(String personKey) {
        return load(personKey, "RESTAURANT", StaffChat.class);
    }

    @Override
    public void save(String personKey, StaffChat chat) {
        store(personKey, "RESTAURANT", chat);
    }

    private <T> Optional<T> load(String key, String role, Class<T> type) {
        return jdbc.sql("SELECT state_enc FROM conversation WHERE person_hash = :key AND role = :role FOR UPDATE")
                .param("key", lookupHash.hash(key))
                .param("role", role)
                .query((rs, n) -> cipher.decrypt(rs.getBytes(1), CONVERSATION_STATE))
                .optional()
                .map(json -> JSON.readValue(json, type));
    }

    private void store(String key, String role, Object state) {
        jdbc.sql("""
                        INSERT INTO conversation (person_hash, person_key_enc, role, state_enc, version, updated_at)
                        VALUES (:hash, :key, :role, :state, 1, now())
                        ON CONFLICT (person_hash) DO UPDATE
                        SET role = EXCLUDED.role, state_enc = EXCLUDED.state_enc, version = conversation.version + 1,
                            updated_at = now()
                        """)
                .param("hash", lookupHash.hash(key))
                .param("key", cipher.encrypt(key, CONVERSATION_PERSON_KEY))
                .param("role", role)
                .param("state", cipher.encrypt(JSON.writeValueAsString(state), CONVERSATION_STATE))
                .update();
    }
}
