package co.wpfoods.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.privacy.application.PurgingExpiredRecords;
import co.wpfoods.privacytest.PrivacyKitTestApplication;
import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.orders.OrderReady;
import co.wpfoods.schemas.privacy.ErasureConfirmed;
import co.wpfoods.schemas.privacy.ErasureRequested;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.security.crypto.Keysets;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.ReEncryptingColumns;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import co.wpfoods.testing.privacy.ErasureTopic;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The kit in a service that declares only its rows (PrivacyKitTestApplication), over real embedded PostgreSQL and
 * KRaft Kafka: the erasure listener, once-only through the inbox, the confirmation through the outbox, the retention
 * purge and the re-encryption on the kit's db-scheduler. The service runs with a rotated keyset (an older key and a
 * new primary), as after a 90-day rotation.
 */
@SpringBootTest(classes = PrivacyKitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EmbeddedInfra
class ErasureParticipantIT {

    static final String SERVICE = "privacy-kit-test";
    static final String FIRST_KEYSET = Keysets.newPersonalDataKeyset();
    static final String ROTATED_KEYSET = Keysets.rotate(FIRST_KEYSET);
    static final AvroSerde SERDE = AvroSerde.standard();

    @DynamicPropertySource
    static void rotatedKeys(DynamicPropertyRegistry registry) {
        registry.add("wpfoods.security.keys.personal-data", () -> ROTATED_KEYSET);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Inbox inbox;

    @Autowired
    PurgingExpiredRecords purging;

    @Autowired
    ReEncryptingColumns reEncrypting;

    @Autowired
    PersonalDataCipher cipher;

    @Test
    void a_request_delivered_twice_erases_once_and_is_confirmed_once_through_the_outbox() {
        // given two rows about the person and one about someone else
        person("573001110001", "likes arepas");
        person("573001110001", "calle 10 # 5-20");
        person("573001110002", "someone else");
        String erasureId = "e-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();

        try (var erasures = new ErasureTopic();
                var dlt = new KafkaTestConsumer(
                        KafkaServer.shared().bootstrapServers(), Topics.Privacy.ERASURE + ".dlt")) {
            // when the same request is delivered twice (same event id), then a record no code handles, all on one key
            send(erasureId, eventId, requested(erasureId, "573001110001"));
            send(erasureId, eventId, requested(erasureId, "573001110001"));
            send(erasureId, UUID.randomUUID().toString(), ready(erasureId));

            // then the record after them reaches the dead-letter topic, so both deliveries were taken before it
            ConsumerRecord<String, byte[]> dead =
                    await().atMost(Duration.ofSeconds(60)).until(() -> deadLettered(dlt, erasureId), d -> d != null);
            assertThat(KafkaTestConsumer.header(dead, "kafka_dlt-exception-cause-fqcn"))
                    .isEqualTo(UnhandledEventException.class.getName());

            // and the person's rows went once, the other person's stayed, the inbox holds the event under the kit's key
            assertThat(count("SELECT count(*) FROM kit_erasure_run WHERE erasure_id = '" + erasureId + "'"))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM kit_person WHERE wa_id = '573001110001'"))
                    .isZero();
            assertThat(count("SELECT count(*) FROM kit_person WHERE wa_id = '573001110002'"))
                    .isEqualTo(1);
            assertThat(inbox.alreadyProcessed(SERVICE + ".privacy-erasure", eventId))
                    .isTrue();

            // and the confirmation names this service and what it did
            ErasureConfirmed confirmed = erasures.awaitConfirmation(erasureId, SERVICE, Duration.ofSeconds(60));
            assertThat(confirmed.getRowsDeleted()).isEqualTo(2);
            assertThat(confirmed.getRowsAnonymized()).isZero();
            assertThat(confirmed.getDetail()).isEqualTo("kit_person: 2 deleted");
        }
    }

    @Test
    void another_services_confirmation_is_passed_over() {
        // given a row about the person
        person("573001110003", "kept");
        String erasureId = "e-" + UUID.randomUUID();

        try (var erasures = new ErasureTopic();
                var dlt = new KafkaTestConsumer(
                        KafkaServer.shared().bootstrapServers(), Topics.Privacy.ERASURE + ".dlt")) {
            // when another service confirms an erasure, then a record no code handles follows on the same key
            erasures.confirmAs(erasureId, "payment-service");
            send(erasureId, UUID.randomUUID().toString(), ready(erasureId));
            await().atMost(Duration.ofSeconds(60)).until(() -> deadLettered(dlt, erasureId), d -> d != null);

            // then this service erased nothing and did not go to the dead-letter topic for the confirmation
            assertThat(count("SELECT count(*) FROM kit_erasure_run WHERE erasure_id = '" + erasureId + "'"))
                    .isZero();
            assertThat(count("SELECT count(*) FROM kit_person WHERE wa_id = '573001110003'"))
                    .isEqualTo(1);
            assertThat(dlt.poll().stream().filter(r -> erasureId.equals(r.key())))
                    .hasSize(1);
        }
    }

    @Test
    void the_listener_reads_every_request_in_the_group_service_dot_privacy() {
        String group = SERVICE + ".privacy";
        try (var admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaServer.shared().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> admin.describeConsumerGroups(List.of(group))
                                    .all()
                                    .get()
                                    .get(group)
                                    .members(),
                            members -> members.stream()
                                    .anyMatch(member -> member.assignment().topicPartitions().stream()
                                            .anyMatch(partition ->
                                                    partition.topic().equals(Topics.Privacy.ERASURE))));
        }
    }

    @Test
    void the_retention_and_the_re_encryption_are_db_scheduler_tasks_of_the_one_scheduler() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT task_name FROM scheduled_tasks ORDER BY task_name")
                                .query(String.class)
                                .list())
                        .containsExactly("kit-retention", "personal-data-re-encryption"));
    }

    @Test
    void the_retention_purge_deletes_a_backlog_larger_than_a_batch_and_keeps_younger_records() {
        // given 2,345 records past the 30-day period (more than two batches) and three younger ones
        var now = Instant.now();
        jdbc.sql("INSERT INTO kit_record (created_at) SELECT :at FROM generate_series(1, 2345)")
                .param("at", Timestamp.from(now.minus(Duration.ofDays(31))))
                .update();
        for (int days : List.of(1, 15, 29)) {
            jdbc.sql("INSERT INTO kit_record (created_at) VALUES (:at)")
                    .param("at", Timestamp.from(now.minus(Duration.ofDays(days))))
                    .update();
        }
        assertThat(purging.retention()).isEqualTo(Duration.ofDays(30));

        // when the retention job runs
        purging.purge();

        // then every old record is gone and the young ones stay
        assertThat(count("SELECT count(*) FROM kit_record WHERE created_at < now() - interval '30 days'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM kit_record")).isEqualTo(3);
    }

    @Test
    void after_a_rotation_the_re_encryption_moves_the_declared_column_to_the_new_key() {
        // given three values written under the key before the rotation (more than one batch of 2)
        var before = new PersonalDataCipher(FIRST_KEYSET);
        for (String value : List.of("Calle 1", "Calle 2", "Calle 3")) {
            jdbc.sql("INSERT INTO kit_secret (value_enc) VALUES (:v)")
                    .param("v", before.encrypt(value, PrivacyKitTestApplication.SECRET_CONTEXT))
                    .update();
        }
        assertThat(reEncrypting.remaining()).isEqualTo(3);

        // when the re-encryption runs
        int moved = reEncrypting.run();

        // then all three are under the new primary key and read the same
        assertThat(moved).isEqualTo(3);
        assertThat(reEncrypting.remaining()).isZero();
        assertThat(jdbc.sql("SELECT value_enc FROM kit_secret ORDER BY id")
                        .query((rs, n) -> rs.getBytes(1))
                        .list())
                .allSatisfy(v -> assertThat(cipher.isUnderPrimaryKey(v)).isTrue())
                .extracting(v -> cipher.decrypt(v, PrivacyKitTestApplication.SECRET_CONTEXT))
                .containsExactly("Calle 1", "Calle 2", "Calle 3");
    }

    static ConsumerRecord<String, byte[]> deadLettered(KafkaTestConsumer dlt, String key) {
        return dlt.poll().stream().filter(r -> key.equals(r.key())).findFirst().orElse(null);
    }

    void person(String waId, String note) {
        jdbc.sql("INSERT INTO kit_person (wa_id, note) VALUES (:wa, :note)")
                .param("wa", waId)
                .param("note", note)
                .update();
    }

    int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    static ErasureRequested requested(String erasureId, String waId) {
        return ErasureRequested.newBuilder()
                .setErasureId(erasureId)
                .setWaId(waId)
                .setRequestedBy("OPS")
                .setLanguage("es")
                .setOrderIds(List.of())
                .setOrderReferences(List.of())
                .setRequestedAt(Instant.now())
                .build();
    }

    static OrderReady ready(String orderId) {
        return OrderReady.newBuilder()
                .setOrderId(orderId)
                .setRestaurantId("rest-1")
                .setOccurredAt(Instant.now())
                .build();
    }

    static void send(String key, String eventId, SpecificRecord value) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KafkaServer.shared().bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            var record = new ProducerRecord<>(Topics.Privacy.ERASURE, key, SERDE.encode(value));
            record.headers().add(Headers.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + Topics.Privacy.ERASURE, e);
        }
    }
}
