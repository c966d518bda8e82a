package co.wpfoods.ai.privacy.adapter.out.db;

import co.wpfoods.privacy.application.PersonalData;
import co.wpfoods.privacy.domain.ErasureRequest;
import co.wpfoods.privacy.domain.ErasureResult;
import co.wpfoods.security.crypto.LookupHash;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person in ai-service, found by keyed hashes (nothing is stored in clear): their voice notes that could not be
 * transcribed (encrypted number and media reference) are deleted; the cost ledger keeps its rows (tokens, cost) with
 * the hashed correlation ids that name the person's conversation removed — {@code conv:<number>} (order-service's
 * conversations), {@code conversation:<number>} and the bare number. Menus and popularity hold no person.
 */
public class JdbcAiPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final LookupHash lookupHash;

    public JdbcAiPersonalData(JdbcClient jdbc, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
    }

    /** The correlation ids that name a person's conversation, as the ledger stores them (keyed hashes). */
    List<byte[]> conversationHashes(String waId) {
        return List.of(lookupHash.hash("conv:" + waId), lookupHash.hash("conversation:" + waId), lookupHash.hash(waId));
    }

    @Override
    public ErasureResult erase(ErasureRequest request) {
        int voice = jdbc.sql("DELETE FROM ai_voice_note WHERE wa_id_hash = :wa")
                .param("wa", lookupHash.hash(request.waId()))
                .update();
        List<byte[]> conversations = conversationHashes(request.waId());
        int usage = jdbc.sql("UPDATE ai_usage SET correlation_hash = NULL WHERE correlation_hash IN (:c)")
                .param("c", conversations)
                .update();
        int messages = jdbc.sql("UPDATE ai_message SET correlation_hash = NULL WHERE correlation_hash IN (:c)")
                .param("c", conversations)
                .update();
        return new ErasureResult(
                voice,
                usage + messages,
                "ai_voice_note: %d deleted; ai_usage: %d and ai_message: %d correlation ids removed"
                        .formatted(voice, usage, messages));
    }
}
