package co.wpfoods.ai.privacy.adapter.out.db;

import co.wpfoods.ai.privacy.application.PersonalData;
import co.wpfoods.ai.privacy.domain.ErasureRequest;
import co.wpfoods.ai.privacy.domain.ErasureResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person in ai-service: their voice notes that could not be transcribed (number and media reference) are deleted;
 * the cost ledger keeps its rows (tokens, cost) with the correlation id that names the person's conversation
 * ({@code conv:<number>}) removed. Menus and popularity hold no person.
 */
public class JdbcAiPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    public JdbcAiPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ErasureResult erase(ErasureRequest request) {
        String like = "%" + request.waId() + "%";
        int voice = jdbc.sql("DELETE FROM ai_voice_note WHERE wa_id = :wa")
                .param("wa", request.waId())
                .update();
        int usage = jdbc.sql("UPDATE ai_usage SET correlation_id = NULL WHERE correlation_id LIKE :like")
                .param("like", like)
                .update();
        int messages = jdbc.sql("UPDATE ai_message SET correlation_id = NULL WHERE correlation_id LIKE :like")
                .param("like", like)
                .update();
        return new ErasureResult(
                voice,
                usage + messages,
                "ai_voice_note: %d deleted; ai_usage: %d and ai_message: %d correlation ids removed"
                        .formatted(voice, usage, messages));
    }
}
