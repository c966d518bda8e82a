package co.wpfoods.ai.privacy.adapter.out.db;

import static co.wpfoods.ai.privacy.application.PersonalDataColumns.VOICE_NOTE_MEDIA_ID;
import static co.wpfoods.ai.privacy.application.PersonalDataColumns.VOICE_NOTE_WA_ID;

import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.PlaintextMigration;
import co.wpfoods.security.crypto.PlaintextMigration.Target;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Ley 1581: personal data at rest only encrypted or as keyed hashes. A voice note's number is encrypted (the person to
 * answer) and hashed (the erasure finds it), its media reference encrypted; the cost ledger's correlation ids, which
 * name a conversation by its number ({@code conv:<number>}), are kept only as keyed hashes (the ledger only counts
 * distinct ones). One transaction, with the environment's keys (so this runs in Java). Registered as a bean: Spring
 * Boot's Flyway runs it after V2.
 */
public class V3__Encrypt_personal_data extends BaseJavaMigration {

    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    public V3__Encrypt_personal_data(PersonalDataCipher cipher, LookupHash lookupHash) {
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public void migrate(Context context) throws Exception {
        var m = new PlaintextMigration(context.getConnection(), cipher, lookupHash);

        m.execute("ALTER TABLE ai_voice_note ADD COLUMN wa_id_hash bytea, ADD COLUMN wa_id_enc bytea, "
                + "ADD COLUMN media_id_enc bytea");
        m.move(
                "ai_voice_note",
                "message_id",
                Target.hashed("wa_id", "wa_id_hash"),
                Target.encrypted("wa_id", "wa_id_enc", VOICE_NOTE_WA_ID),
                Target.encrypted("media_id", "media_id_enc", VOICE_NOTE_MEDIA_ID));
        m.execute("""
                ALTER TABLE ai_voice_note DROP COLUMN wa_id, DROP COLUMN media_id;
                CREATE INDEX ai_voice_note_wa_id_hash ON ai_voice_note (wa_id_hash) WHERE wa_id_hash IS NOT NULL;
                """);

        for (String table : new String[] {"ai_usage", "ai_message"}) {
            m.execute("ALTER TABLE " + table + " ADD COLUMN correlation_hash bytea");
            m.hashDistinct(table, "correlation_id", "correlation_hash");
            m.execute("ALTER TABLE " + table + " DROP COLUMN correlation_id");
            m.execute("CREATE INDEX " + table + "_correlation_hash ON " + table
                    + " (correlation_hash) WHERE correlation_hash IS NOT NULL");
        }
    }
}
