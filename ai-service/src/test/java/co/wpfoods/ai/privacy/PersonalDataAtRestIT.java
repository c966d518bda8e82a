package co.wpfoods.ai.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.ai.privacy.adapter.out.db.JdbcAiPersonalData;
import co.wpfoods.ai.privacy.adapter.out.db.V3__Encrypt_personal_data;
import co.wpfoods.ai.privacy.application.PersonalDataColumns;
import co.wpfoods.ai.understanding.adapter.out.db.JdbcUsageLedger;
import co.wpfoods.ai.understanding.domain.Role;
import co.wpfoods.ai.voice.adapter.out.db.JdbcVoiceNoteArchive;
import co.wpfoods.ai.voice.application.TranscriptionService;
import co.wpfoods.ai.voice.application.VoiceNotes.VoiceNote;
import co.wpfoods.privacy.domain.ErasureRequest;
import co.wpfoods.security.crypto.Keysets;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.ReEncryptingColumns;
import co.wpfoods.security.crypto.ReEncryptionJob;
import co.wpfoods.testing.PostgresServer;
import co.wpfoods.testing.privacy.PersonalDataScan;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ley 1581, personal data at rest in ai-service, on a database of its own (real embedded PostgreSQL, the real Flyway
 * migrations): voice notes and ledger rows written in clear before V3 are encrypted and hashed by it, nothing is left
 * in clear, the erasure still finds the person by hash, and after a key rotation old rows still read and the
 * re-encryption job moves every voice note to the new key.
 */
class PersonalDataAtRestIT {

    static final String FIRST_KEYSET = Keysets.newPersonalDataKeyset();
    static final PersonalDataCipher FIRST = new PersonalDataCipher(FIRST_KEYSET);
    static final PersonalDataCipher ROTATED = new PersonalDataCipher(Keysets.rotate(FIRST_KEYSET));
    static final LookupHash HASH = new LookupHash(Keysets.newLookupKeyset());
    static final HexFormat HEX = HexFormat.of();

    PGSimpleDataSource dataSource;
    JdbcClient jdbc;

    @BeforeEach
    void database() {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("ai_at_rest" + System.nanoTime());
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl(database));
        dataSource.setUser(PostgresServer.USER);
        dataSource.setPassword(PostgresServer.PASSWORD);
        jdbc = JdbcClient.create(dataSource);
    }

    Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/eventing")
                .javaMigrations(new V3__Encrypt_personal_data(FIRST, HASH))
                .target(target)
                .load();
    }

    @Test
    void the_migration_encrypts_voice_notes_and_hashes_numbers_and_correlation_ids_written_in_clear_before_it() {
        // given a voice note and ledger rows of Felipe's conversation, all in clear (schema V2)
        flyway("2").migrate();
        String number = "573001234567";
        jdbc.sql("""
                        INSERT INTO ai_voice_note (message_id, wa_id, media_id, role, status, detail, received_at)
                        VALUES ('wamid.rest1', :wa, 'media-rest-1', 'CUSTOMER', 'FAILED', 'timeout', now())
                        """).param("wa", number).update();
        jdbc.sql("""
                        INSERT INTO ai_usage (at, provider, model, operation, input_tokens, output_tokens, cost_usd,
                                              latency_ms, outcome, correlation_id)
                        VALUES (now(), 'gemini', 'flash', 'intent', 10, 2, 0.0001, 40, 'OK', :c)
                        """).param("c", "conv:" + number).update();
        jdbc.sql("INSERT INTO ai_message (at, engine, correlation_id) VALUES (now(), 'offline', :c), "
                        + "(now(), 'offline', :c), (now(), 'offline', 'order-9')")
                .param("c", "conv:" + number)
                .update();

        // when V3 runs
        flyway("latest").migrate();

        // then nothing is in clear, the voice note decrypts, and the ledger still counts distinct conversations
        assertThat(new PersonalDataScan(dataSource).holding(number, "media-rest-1"))
                .isEmpty();
        Map<String, Object> note = jdbc.sql("SELECT wa_id_hash, wa_id_enc, media_id_enc FROM ai_voice_note")
                .query()
                .singleRow();
        assertThat((byte[]) note.get("wa_id_hash")).isEqualTo(HASH.hash(number));
        assertThat(FIRST.decrypt((byte[]) note.get("wa_id_enc"), PersonalDataColumns.VOICE_NOTE_WA_ID))
                .isEqualTo(number);
        assertThat(FIRST.decrypt((byte[]) note.get("media_id_enc"), PersonalDataColumns.VOICE_NOTE_MEDIA_ID))
                .isEqualTo("media-rest-1");
        var ledger = new JdbcUsageLedger(jdbc, HASH, Clock.systemUTC());
        ledger.countMessage("offline", "conv:" + number);
        assertThat(ledger.volume(Instant.EPOCH).messages()).isEqualTo(4);
        assertThat(ledger.volume(Instant.EPOCH).correlations()).isEqualTo(2);

        // and the erasure finds him by the keyed hashes: the voice note goes, the ledger rows stay without him
        var result = new JdbcAiPersonalData(jdbc, HASH).erase(new ErasureRequest("e-1", number, List.of(), List.of()));
        assertThat(result.detail())
                .contains("ai_voice_note: 1 deleted")
                .contains("ai_usage: 1")
                .contains("ai_message: 3");
        assertThat(new PersonalDataScan(dataSource)
                        .holding(
                                HEX.formatHex(HASH.hash(number)),
                                HEX.formatHex(HASH.hash("conv:" + number)),
                                HEX.formatHex((byte[]) note.get("wa_id_enc"))))
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM ai_message").query(Long.class).single())
                .isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM ai_usage").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void after_a_key_rotation_old_voice_notes_still_read_and_the_job_moves_them_to_the_new_key() {
        // given voice notes kept under the first key
        flyway("latest").migrate();
        var before = new JdbcVoiceNoteArchive(jdbc, FIRST, HASH, Clock.systemUTC());
        before.keep(
                new VoiceNote("wamid.rest2", "573001112233", Role.CUSTOMER, "media-2", "audio/ogg", "es"),
                TranscriptionService.Status.FAILED,
                "timeout");
        before.keep(
                new VoiceNote("wamid.rest3", "573004445566", Role.WORKER, "media-3", "audio/ogg", "es"),
                TranscriptionService.Status.NOT_AUDIO,
                "not audio");
        var job = new ReEncryptingColumns(new ReEncryptionJob(jdbc, ROTATED), PersonalDataColumns.ALL, 1);
        assertThat(job.remaining()).isEqualTo(4);

        // then with the rotated keyset the old rows still read
        assertThat(numbers(ROTATED)).containsExactlyInAnyOrder("573001112233", "573004445566");

        // when the job runs with the rotated keyset
        assertThat(job.run()).isEqualTo(4);

        // then every value is under the new key and holds the same text
        assertThat(job.remaining()).isZero();
        assertThat(jdbc.sql("SELECT wa_id_enc FROM ai_voice_note")
                        .query(byte[].class)
                        .list())
                .allSatisfy(v -> assertThat(PersonalDataCipher.keyIdOf(v)).isEqualTo(ROTATED.primaryKeyId()));
        assertThat(jdbc.sql("SELECT media_id_enc FROM ai_voice_note")
                        .query(byte[].class)
                        .list())
                .allSatisfy(v -> assertThat(PersonalDataCipher.keyIdOf(v)).isEqualTo(ROTATED.primaryKeyId()));
        assertThat(numbers(ROTATED)).containsExactlyInAnyOrder("573001112233", "573004445566");
        assertThat(job.run()).isZero();
    }

    List<String> numbers(PersonalDataCipher cipher) {
        return jdbc.sql("SELECT wa_id_enc FROM ai_voice_note").query(byte[].class).list().stream()
                .map(v -> cipher.decrypt(v, PersonalDataColumns.VOICE_NOTE_WA_ID))
                .toList();
    }
}
