package co.wpfoods.webhook.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.schemas.wa.Role;
import co.wpfoods.security.crypto.Keysets;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.ReEncryptingColumns;
import co.wpfoods.security.crypto.ReEncryptionJob;
import co.wpfoods.testing.PostgresServer;
import co.wpfoods.testing.privacy.PersonalDataScan;
import co.wpfoods.webhook.WebhookFixtures;
import co.wpfoods.webhook.privacy.adapter.out.db.V3__Encrypt_personal_data;
import co.wpfoods.webhook.privacy.application.PersonalDataColumns;
import co.wpfoods.webhook.receiving.adapter.out.db.JdbcInboundLedger;
import co.wpfoods.webhook.receiving.application.InboundLedger.Archived;
import co.wpfoods.webhook.receiving.application.RawWebhook;
import co.wpfoods.webhook.roles.adapter.out.db.JdbcRoleDirectory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ley 1581, personal data at rest in webhook-service, on a database of its own (real embedded PostgreSQL, the real
 * Flyway migrations): rows archived in clear before V3 are encrypted and hashed by it, nothing is left in clear, the
 * erasure still finds them, and after a key rotation the re-encryption job moves every archive to the new key.
 */
class PersonalDataAtRestIT {

    static final String FIRST_KEYSET = Keysets.newPersonalDataKeyset();
    static final PersonalDataCipher FIRST = new PersonalDataCipher(FIRST_KEYSET);
    static final PersonalDataCipher ROTATED = new PersonalDataCipher(Keysets.rotate(FIRST_KEYSET));
    static final LookupHash HASH = new LookupHash(Keysets.newLookupKeyset());

    PGSimpleDataSource dataSource;
    JdbcClient jdbc;

    @BeforeEach
    void database() {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("webhook_at_rest" + System.nanoTime());
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
    void the_migration_encrypts_archives_and_hashes_numbers_written_in_clear_before_it() {
        // given a webhook archived, a usage counter and a role assignment, all in clear (schema V2)
        flyway("2").migrate();
        String number = "573001234567";
        byte[] body = WebhookFixtures.messagesEnvelope(
                number, List.of(WebhookFixtures.text("wamid.rest1", number, "Calle 72 # 10-34")));
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO raw_webhook (id, received_at, records, body) VALUES (:id, :at, 1, :body)")
                .param("id", id)
                .param("at", Timestamp.from(Instant.now()))
                .param("body", body)
                .update();
        jdbc.sql("INSERT INTO inbound_usage (sender, period, window_start, used) VALUES (:s, 'MINUTE', now(), 3)")
                .param("s", number)
                .update();
        jdbc.sql("INSERT INTO role_assignment (wa_id, source, role) VALUES ('573109876543', 'restaurant:r-1', "
                        + "'RESTAURANT')")
                .update();

        // when V3 runs
        flyway("latest").migrate();

        // then nothing is in clear, the archive decrypts to the same bytes, and the people are found by hash
        assertThat(new PersonalDataScan(dataSource).holding(number, "573109876543", "Calle 72 # 10-34"))
                .isEmpty();
        byte[] stored = jdbc.sql("SELECT body_enc FROM raw_webhook WHERE id = :id")
                .param("id", id)
                .query(byte[].class)
                .single();
        assertThat(FIRST.decryptBytes(stored, PersonalDataColumns.RAW_WEBHOOK_BODY))
                .isEqualTo(body);
        assertThat(jdbc.sql("SELECT webhook_id FROM raw_webhook_party WHERE party_hash = :h")
                        .param("h", HASH.hash(number))
                        .query(UUID.class)
                        .list())
                .containsExactly(id);
        assertThat(jdbc.sql("SELECT used FROM inbound_usage WHERE sender_hash = :h")
                        .param("h", HASH.hash(number))
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
        assertThat(new JdbcRoleDirectory(jdbc, HASH).rolesOf(List.of("573109876543", number)))
                .containsExactlyEntriesOf(java.util.Map.of("573109876543", Role.RESTAURANT));

        // and the erasure finds the archive by the number's hash and deletes it with its parties
        var erasure = new co.wpfoods.webhook.privacy.adapter.out.db.JdbcWebhookPersonalData(jdbc, HASH);
        var result = erasure.erase(new co.wpfoods.privacy.domain.ErasureRequest("e-1", number, List.of(), List.of()));
        assertThat(result.detail()).contains("raw_webhook: 1 deleted").contains("inbound_usage: 1 deleted");
        String hash = HexFormat.of().formatHex(HASH.hash(number));
        assertThat(new PersonalDataScan(dataSource).holding(hash)).isEmpty();
    }

    @Test
    void after_a_key_rotation_the_job_moves_every_archive_to_the_new_key_and_the_bytes_stay_the_same() {
        // given archives written under the first key, one of them not valid UTF-8
        flyway("latest").migrate();
        var before = new JdbcInboundLedger(jdbc, FIRST, HASH);
        byte[] odd = {(byte) 0xff, (byte) 0xfe, 'x'};
        before.archive(List.of(
                archived(WebhookFixtures.messagesEnvelope(
                        "573001112233", List.of(WebhookFixtures.text("wamid.rest2", "573001112233", "hola")))),
                archived(odd)));
        var job = new ReEncryptingColumns(new ReEncryptionJob(jdbc, ROTATED), PersonalDataColumns.ALL, 1);
        assertThat(job.remaining()).isEqualTo(2);

        // when the job runs with the rotated keyset
        assertThat(job.run()).isEqualTo(2);

        // then every archive is under the new key and holds the same bytes
        assertThat(job.remaining()).isZero();
        List<byte[]> stored =
                jdbc.sql("SELECT body_enc FROM raw_webhook").query(byte[].class).list();
        assertThat(stored)
                .allSatisfy(
                        value -> assertThat(PersonalDataCipher.keyIdOf(value)).isEqualTo(ROTATED.primaryKeyId()));
        assertThat(stored.stream().map(v -> ROTATED.decryptBytes(v, PersonalDataColumns.RAW_WEBHOOK_BODY)))
                .anySatisfy(clear -> assertThat(clear).isEqualTo(odd));
        assertThat(job.run()).isZero();
    }

    static Archived archived(byte[] body) {
        return new Archived(new RawWebhook(body, Instant.now(), "req-1", "sha256=x", null), 1, Set.of("573001112233"));
    }
}
