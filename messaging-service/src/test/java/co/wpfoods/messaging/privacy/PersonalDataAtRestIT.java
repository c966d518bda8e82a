package co.wpfoods.messaging.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.messaging.privacy.adapter.out.db.JdbcMessagingPersonalData;
import co.wpfoods.messaging.privacy.adapter.out.db.V6__Encrypt_personal_data;
import co.wpfoods.messaging.sending.adapter.out.db.JdbcOutboundLog;
import co.wpfoods.messaging.sending.application.AcceptingCommands;
import co.wpfoods.messaging.sending.application.Dispatcher;
import co.wpfoods.messaging.sending.application.OutboundLog.Claimed;
import co.wpfoods.messaging.sending.application.OutboundLog.RecipientKey;
import co.wpfoods.messaging.sending.application.PersonalDataColumns;
import co.wpfoods.messaging.sending.application.TrackingWindows;
import co.wpfoods.privacy.domain.ErasureRequest;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.InboundMessageType;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundCommands;
import co.wpfoods.schemas.wa.TextContent;
import co.wpfoods.schemas.wa.WaUser;
import co.wpfoods.security.crypto.Keysets;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.ReEncryptingColumns;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.PostgresServer;
import co.wpfoods.testing.privacy.PersonalDataScan;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ley 1581, personal data at rest in messaging-service: the outbound log, the recipient queues and the 24-hour windows
 * hold recipients only as keyed hashes and commands only as AES-256-GCM ciphertexts, and the sender still sends Meta
 * the number and the text. The service runs with a rotated keyset (an older key and a new primary), as after a 90-day
 * rotation. The migration is tested on a database of its own: rows written in clear before V6 are hashed and
 * encrypted by it, read back through the adapters and found by the erasure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EmbeddedInfra
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PersonalDataAtRestIT {

    static final String FIRST_KEYSET = Keysets.newPersonalDataKeyset();
    static final String ROTATED_KEYSET = Keysets.rotate(FIRST_KEYSET);
    static final String MESSAGES = "/v23.0/106540352242922/messages";
    static final WireMockServer graph = new WireMockServer(options().dynamicPort());
    final AvroSerde serde = AvroSerde.standard();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        graph.start();
        registry.add("wpfoods.messaging.graph.base-url", graph::baseUrl);
        registry.add("wpfoods.messaging.sender.poll-interval", () -> "50ms");
        registry.add("wpfoods.security.keys.personal-data", () -> ROTATED_KEYSET);
        // no events expected here
        registry.add("wpfoods.outbox.enabled", () -> "false");
    }

    @AfterAll
    static void stopGraph() {
        graph.stop();
    }

    @Autowired
    AcceptingCommands accepting;

    @Autowired
    TrackingWindows windows;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    ReEncryptingColumns reEncrypting;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    LookupHash lookupHash;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void metaAcceptsEverything() {
        graph.resetAll();
        graph.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":"
                                + "\"wamid.{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}")
                        .withTransformers("response-template")));
    }

    @Test
    void a_message_its_queue_and_its_window_are_in_no_table_in_clear_and_meta_still_gets_the_number_and_the_text() {
        // given Lucía wrote to us (her window is open) and a notice naming her and her address is queued to her
        String lucia = "573204445566";
        windows.record(inbound(lucia));
        OutboundCommand command = command(lucia, "Lucía, tu pedido va a Calle 93 # 11-27 Apto 501");
        assertThat(accepting.accept(command)).isTrue();

        // when the sender sends it
        await().atMost(Duration.ofSeconds(30)).until(() -> "accepted".equals(stateOf(command.getCommandId())));

        // then Meta got her number and the text
        var sent = graph.findAll(
                postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo("+" + lucia))));
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().getBodyAsString()).contains("Calle 93 # 11-27");
        // and no table holds her number, name or address in clear, nor as the bytes' hex
        var scan = new PersonalDataScan(dataSource);
        assertThat(scan.holding(lucia, "Lucía", "Calle 93 # 11-27")).isEmpty();
        // her message, queue row and window are keyed by the hash of her number
        byte[] hash = lookupHash.hash(lucia);
        assertThat(scan.find(HexFormat.of().formatHex(hash)).values().iterator().next())
                .containsOnlyKeys("outbound_message", "recipient_queue", "customer_window");
        // and the command is stored encrypted under the current key, the same bytes once decrypted
        byte[] stored = jdbc.sql("SELECT command_enc FROM outbound_message WHERE command_id = :id")
                .param("id", command.getCommandId())
                .query(byte[].class)
                .single();
        assertThat(cipher.isUnderPrimaryKey(stored)).isTrue();
        assertThat(cipher.decryptBytes(stored, PersonalDataColumns.OUTBOUND_COMMAND))
                .isEqualTo(serde.encode(command));
        // its correlation id (conv:<number>) is kept without the number
        assertThat(jdbc.sql("SELECT correlation_id FROM outbound_message WHERE command_id = :id")
                        .param("id", command.getCommandId())
                        .query(String.class)
                        .single())
                .isEqualTo("conv:{to}");
    }

    @Test
    void after_a_key_rotation_a_command_queued_under_the_old_key_is_sent_and_the_job_moves_it_to_the_new_key() {
        // given a command queued before the rotation, under the key that was primary then
        var old = new PersonalDataCipher(FIRST_KEYSET);
        assertThat(old.primaryKeyId()).isNotEqualTo(cipher.primaryKeyId());
        String hernan = "573118887766";
        windows.record(inbound(hernan));
        OutboundCommand command = command(hernan, "Hernán, tu domicilio llega en 10 minutos");
        byte[] underOldKey = old.encryptBytes(serde.encode(command), PersonalDataColumns.OUTBOUND_COMMAND);
        jdbc.sql("""
                        INSERT INTO outbound_message (command_id, recipient_hash, kind, correlation_id, command_enc, state)
                        VALUES (:id, :r, 'TEXT', :corr, :cmd, 'queued')
                        """)
                .param("id", command.getCommandId())
                .param("r", lookupHash.hash(hernan))
                .param("corr", command.getCorrelationId())
                .param("cmd", underOldKey)
                .update();
        jdbc.sql("INSERT INTO recipient_queue (recipient_hash, pending, pair_tokens) VALUES (:r, 1, 45)")
                .param("r", lookupHash.hash(hernan))
                .update();
        dispatcher.signal();

        // then the service still reads and sends it
        await().atMost(Duration.ofSeconds(30)).until(() -> "accepted".equals(stateOf(command.getCommandId())));
        assertThat(graph.findAll(postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(matchingJsonPath("$.to", equalTo("+" + hernan)))))
                .singleElement()
                .satisfies(request -> assertThat(request.getBodyAsString()).contains("10 minutos"));
        assertThat(reEncrypting.remaining()).isGreaterThanOrEqualTo(1);

        // when the re-encryption job runs
        int moved = reEncrypting.run();

        // then nothing is left under the old key and the command reads the same under the new one
        assertThat(moved).isGreaterThanOrEqualTo(1);
        assertThat(reEncrypting.remaining()).isZero();
        byte[] stored = jdbc.sql("SELECT command_enc FROM outbound_message WHERE command_id = :id")
                .param("id", command.getCommandId())
                .query(byte[].class)
                .single();
        assertThat(cipher.isUnderPrimaryKey(stored)).isTrue();
        assertThat(cipher.decryptBytes(stored, PersonalDataColumns.OUTBOUND_COMMAND))
                .isEqualTo(serde.encode(command));
        assertThat(reEncrypting.run()).isZero();
    }

    @Test
    void the_migration_hashes_recipients_and_encrypts_commands_written_in_clear_before_it() {
        // given a database at V5 holding, in clear, a queued and a delivered message to Daniela, her queue row and
        // her window (with the inbound message id it used to keep)
        var first = new PersonalDataCipher(FIRST_KEYSET);
        var hash = new LookupHash(Keysets.newLookupKeyset());
        DataSource database = newDatabase();
        var clear = JdbcClient.create(database);
        flyway(database, first, hash, "5").migrate();
        String daniela = "573179990333";
        OutboundCommand queued = command(daniela, "Daniela Pardo, tu pedido va a Calle 140 # 9-45 Apto 1201");
        OutboundCommand delivered = command(daniela, "Daniela, ¿cómo estuvo tu pedido?");
        Instant wroteAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        loggedInClear(clear, queued, "queued");
        loggedInClear(clear, delivered, "delivered");
        clear.sql("INSERT INTO recipient_queue (recipient, pending, pair_tokens) VALUES (:r, 1, 45)")
                .param("r", daniela)
                .update();
        clear.sql("INSERT INTO customer_window (recipient, last_inbound_at, last_message_id) VALUES (:r, :at, :id)")
                .param("r", daniela)
                .param("at", Timestamp.from(wroteAt))
                .param("id", "wamid.HBgMNTczMTc5OTkwMzMzFQIAEhgg")
                .update();

        // when V6 runs
        flyway(database, first, hash, "latest").migrate();

        // then nothing of hers is in clear
        assertThat(new PersonalDataScan(database).holding(daniela, "Daniela Pardo", "Calle 140 # 9-45", "wamid.HBgM"))
                .isEmpty();
        // and the outbound log reads her queued message back through its adapter, keyed by her number's hash
        var log = new JdbcOutboundLog(
                clear, new TransactionTemplate(new DataSourceTransactionManager(database)), 45, first, hash);
        List<Claimed> claimed = log.claim("replica-a", 10, Duration.ofSeconds(60));
        assertThat(claimed).singleElement().satisfies(c -> {
            assertThat(c.recipient()).isEqualTo(new RecipientKey(hash.hash(daniela)));
            assertThat(c.head().commandId()).isEqualTo(queued.getCommandId());
            assertThat(c.head().command()).isEqualTo(serde.encode(queued));
            assertThat(c.lastInbound()).isEqualTo(wroteAt);
        });
        assertThat(log.findByCommandId(delivered.getCommandId()))
                .hasValueSatisfying(t -> assertThat(t.command()).isEqualTo(serde.encode(delivered)));

        // and the erasure finds her by the hash: the delivered message and the window go, the queued one is left to
        // be sent (the retention job takes it once it is final)
        var result = new JdbcMessagingPersonalData(clear, hash)
                .erase(new ErasureRequest("e-1", daniela, List.of(), List.of()));
        assertThat(result.detail())
                .contains("outbound_message: 1 deleted, 1 not final")
                .contains("customer_window: 1 deleted");
    }

    /** A message as the log kept it before V6: number, correlation id and Avro bytes in clear. */
    void loggedInClear(JdbcClient clear, OutboundCommand command, String state) {
        clear.sql("""
                        INSERT INTO outbound_message (command_id, recipient, kind, correlation_id, command, state)
                        VALUES (:id, :r, 'TEXT', :corr, :cmd, :state)
                        """)
                .param("id", command.getCommandId())
                .param("r", command.getTo().getWaId())
                .param("corr", command.getCorrelationId())
                .param("cmd", serde.encode(command))
                .param("state", state)
                .update();
    }

    DataSource newDatabase() {
        PostgresServer postgres = PostgresServer.shared();
        String name = postgres.createDatabase("messaging_at_rest" + System.nanoTime());
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl(name));
        dataSource.setUser(PostgresServer.USER);
        dataSource.setPassword(PostgresServer.PASSWORD);
        return dataSource;
    }

    static Flyway flyway(DataSource dataSource, PersonalDataCipher cipher, LookupHash hash, String target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/eventing")
                .javaMigrations(new V6__Encrypt_personal_data(cipher, hash))
                .target(target)
                .load();
    }

    static OutboundCommand command(String to, String text) {
        return OutboundCommands.to(to)
                .commandId("cmd-" + UUID.randomUUID())
                // as order-service correlates a conversation's replies
                .correlationId("conv:" + to)
                .createdAt(Instant.now())
                .text(text);
    }

    static InboundMessage inbound(String from) {
        return InboundMessage.newBuilder()
                .setMessageId("wamid.IN." + UUID.randomUUID())
                .setType(InboundMessageType.TEXT)
                .setMetaType("text")
                .setFrom(WaUser.newBuilder().setWaId(from).build())
                .setPhoneNumberId("106540352242922")
                .setSentAt(Instant.now())
                .setReceivedAt(Instant.now())
                .setText(TextContent.newBuilder().setBody("Hola").build())
                .setRawJson("{}")
                .build();
    }

    String stateOf(String commandId) {
        return jdbc.sql("SELECT state FROM outbound_message WHERE command_id = :id")
                .param("id", commandId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
