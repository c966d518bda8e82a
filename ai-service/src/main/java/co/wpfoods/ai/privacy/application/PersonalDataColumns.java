package co.wpfoods.ai.privacy.application;

import co.wpfoods.security.crypto.ReEncryptionJob.EncryptedColumn;
import java.util.List;

/**
 * Every column of ai-service encrypted with the {@code PersonalDataCipher}, with its cipher context: the voice-note
 * archive, the migration ({@code V3__Encrypt_personal_data}) and the re-encryption job read it. The voice note's number
 * is also kept as a keyed hash (the erasure finds it), and the cost ledger's correlation ids only as keyed hashes.
 */
public final class PersonalDataColumns {

    public static final String VOICE_NOTE_WA_ID = "ai_service.ai_voice_note.wa_id";
    public static final String VOICE_NOTE_MEDIA_ID = "ai_service.ai_voice_note.media_id";

    public static final List<EncryptedColumn> ALL = List.of(
            new EncryptedColumn("ai_voice_note", "message_id", "wa_id_enc", VOICE_NOTE_WA_ID),
            new EncryptedColumn("ai_voice_note", "message_id", "media_id_enc", VOICE_NOTE_MEDIA_ID));

    private PersonalDataColumns() {}
}
