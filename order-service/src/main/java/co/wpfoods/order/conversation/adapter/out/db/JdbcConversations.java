package co.wpfoods.order.conversation.adapter.out.db;

import co.wpfoods.order.conversation.application.Conversations;
import co.wpfoods.order.conversation.domain.CustomerChat;
import co.wpfoods.order.conversation.domain.StaffChat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversation rows: state as JSON, read {@code FOR UPDATE} so two replicas (during a rebalance) handle one person's
 * messages one after the other, with a version that counts changes.
 */
@Repository
class JdbcConversations implements Conversations {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JdbcClient jdbc;

    JdbcConversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.sql("SELECT state ->> 'language' FROM conversation WHERE person_key = :key")
                .param("key", personKey)
                .query(String.class)
                .optional();
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
        return jdbc.sql("SELECT state::text FROM conversation WHERE person_key = :key AND role = :role FOR UPDATE")
                .param("key", key)
                .param("role", role)
                .query(String.class)
                .optional()
                .map(json -> JSON.readValue(json, type));
    }

    private void store(String key, String role, Object state) {
        jdbc.sql("""
                        INSERT INTO conversation (person_key, role, state, version, updated_at)
                        VALUES (:key, :role, CAST(:state AS jsonb), 1, now())
                        ON CONFLICT (person_key) DO UPDATE
                        SET role = EXCLUDED.role, state = EXCLUDED.state, version = conversation.version + 1,
                            updated_at = now()
                        """)
                .param("key", key)
                .param("role", role)
                .param("state", JSON.writeValueAsString(state))
                .update();
    }
}
