package co.wpfoods.messaging.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.messaging.sending.application.PersonalDataColumns;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.wa.OutboundCommands;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.privacy.ErasureTopic;
import co.wpfoods.testing.privacy.PersonalDataScan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ley 1581 erasure in messaging-service: the outbound log holds what was sent to the customer and the staff alert
 * about her order (her name and address inside the encrypted Avro bytes, her number as its keyed hash);
 * ErasureRequested arrives on the real topic and every table is scanned after, in clear and as the bytes read as hex,
 * for her number, name and address, the hash of her number and the ciphertexts that held her messages.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"wpfoods.messaging.sender.enabled=false"})
@EmbeddedInfra
class MessagingErasureIT {

    static final Duration PATIENCE = Duration.ofSeconds(45);

    @Autowired
    DataSource dataSource;

    @Autowired
    LookupHash lookupHash;

    @Autowired
    PersonalDataCipher cipher;

    @Test
    void after_an_erasure_no_message_to_or_about_the_customer_is_left_while_others_stay() {
        // given messages to Daniela, a staff alert about her order 9911, and one to someone else, all delivered
        String daniela = "573179990333";
        String staff = "573109990444";
        String other = "573179990999";
        var jdbc = JdbcClient.create(dataSource);
        var hex = HexFormat.of();
        List<String> hers = new ArrayList<>();
        hers.add(hex.formatHex(lookupHash.hash(daniela)));
        hers.add(hex.formatHex(logged(
                jdbc, daniela, "conv:{to}", "Daniela Pardo, tu pedido va a Calle 140 # 9-45 Apto 1201", "read")));
        hers.add(hex.formatHex(logged(
                jdbc,
                staff,
                "order:9911",
                "Nuevo pedido #9911 de Daniela Pardo: Calle 140 # 9-45 Apto 1201",
                "delivered")));
        String tomas = hex.formatHex(logged(jdbc, other, "conv:{to}", "Hola Tomás", "delivered"));
        jdbc.sql("INSERT INTO customer_window (recipient_hash, last_inbound_at) VALUES (:r, now())")
                .param("r", lookupHash.hash(daniela))
                .update();
        var scan = new PersonalDataScan(dataSource);
        // nothing of hers is in clear even before: she is held as her number's keyed hash and ciphertexts
        assertThat(scan.holding(daniela, "Daniela Pardo", "Calle 140 # 9-45")).isEmpty();
        assertThat(scan.holding(hers.toArray(String[]::new))).hasSize(hers.size() + 1);

        // when her erasure is asked for, naming her order
        try (var erasures = new ErasureTopic()) {
            String erasureId = erasures.request(daniela, List.of("o-9911"), List.of("9911"));

            // then messaging-service confirms and nothing of hers is left, in clear or in the commands' bytes
            var confirmed = erasures.awaitConfirmation(erasureId, "messaging-service", PATIENCE);
            assertThat(confirmed.getDetail()).contains("outbound_message: 2 deleted");
            assertThat(scan.holding(daniela, "Daniela Pardo", "Calle 140 # 9-45"))
                    .isEmpty();
            assertThat(scan.holding(hers.toArray(String[]::new))).isEmpty();
            // and the other person's message stays
            assertThat(scan.find(tomas).get(tomas)).containsKey("outbound_message");
        }
    }

    /** A message as the log stores it; returns its ciphertext. */
    byte[] logged(JdbcClient jdbc, String to, String correlation, String text, String state) {
        var command = OutboundCommands.to(to)
                .commandId("cmd-" + UUID.randomUUID())
                .correlationId(correlation)
                .createdAt(Instant.now())
                .text(text);
        byte[] stored = cipher.encryptBytes(AvroSerde.standard().encode(command), PersonalDataColumns.OUTBOUND_COMMAND);
        jdbc.sql("""
                        INSERT INTO outbound_message (command_id, recipient_hash, kind, correlation_id, command_enc, state)
                        VALUES (:id, :to, 'TEXT', :correlation, :command, :state)
                        """)
                .param("id", command.getCommandId())
                .param("to", lookupHash.hash(to))
                .param("correlation", correlation)
                .param("command", stored)
                .param("state", state)
                .update();
        return stored;
    }
}
