package co.wpfoods.messaging.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.wa.OutboundCommands;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.privacy.ErasureTopic;
import co.wpfoods.testing.privacy.PersonalDataScan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ley 1581 erasure in messaging-service: the outbound log holds what was sent to the customer and the staff alert
 * about her order (her name and address inside the Avro bytes); ErasureRequested arrives on the real topic and every
 * table is scanned after, in clear and as the bytes read as hex.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"wpfoods.messaging.sender.enabled=false"})
@EmbeddedInfra
class MessagingErasureIT {

    static final Duration PATIENCE = Duration.ofSeconds(45);

    @Autowired
    DataSource dataSource;

    @Test
    void after_an_erasure_no_message_to_or_about_the_customer_is_left_while_others_stay() {
        // given messages to Daniela, a staff alert about her order 9911, and one to someone else, all delivered
        String daniela = "573179990333";
        String staff = "573109990444";
        String other = "573179990999";
        var jdbc = JdbcClient.create(dataSource);
        logged(jdbc, daniela, "conv:" + daniela, "Daniela Pardo, tu pedido va a Calle 140 # 9-45 Apto 1201", "read");
        logged(
                jdbc,
                staff,
                "order:9911",
                "Nuevo pedido #9911 de Daniela Pardo: Calle 140 # 9-45 Apto 1201",
                "delivered");
        logged(jdbc, other, "conv:" + other, "Hola Tomás", "delivered");
        jdbc.sql(
                        "INSERT INTO customer_window (recipient, last_inbound_at, last_message_id) VALUES (:r, now(), 'wamid.x')")
                .param("r", daniela)
                .update();
        var scan = new PersonalDataScan(dataSource);
        assertThat(scan.holding(daniela, "Daniela Pardo", "Calle 140 # 9-45")).isNotEmpty();

        // when her erasure is asked for, naming her order
        try (var erasures = new ErasureTopic()) {
            String erasureId = erasures.request(daniela, List.of("o-9911"), List.of("9911"));

            // then messaging-service confirms and nothing of hers is left, in clear or in the commands' bytes
            var confirmed = erasures.awaitConfirmation(erasureId, "messaging-service", PATIENCE);
            assertThat(confirmed.getDetail()).contains("outbound_message: 2 deleted");
            assertThat(scan.holding(daniela, "Daniela Pardo", "Calle 140 # 9-45"))
                    .isEmpty();
            // and the other person's message stays
            assertThat(scan.find("Hola Tomás").get("Hola Tomás")).containsKey("outbound_message");
        }
    }

    static void logged(JdbcClient jdbc, String to, String correlation, String text, String state) {
        var command = OutboundCommands.to(to)
                .commandId("cmd-" + UUID.randomUUID())
                .correlationId(correlation)
                .createdAt(Instant.now())
                .text(text);
        jdbc.sql("""
                        INSERT INTO outbound_message (command_id, recipient, kind, correlation_id, command, state)
                        VALUES (:id, :to, 'TEXT', :correlation, :command, :state)
                        """)
                .param("id", command.getCommandId())
                .param("to", to)
                .param("correlation", correlation)
                .param("command", AvroSerde.standard().encode(command))
                .param("state", state)
                .update();
    }
}
