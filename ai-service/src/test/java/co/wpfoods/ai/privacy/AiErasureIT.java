package co.wpfoods.ai.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.privacy.ErasureTopic;
import co.wpfoods.testing.privacy.PersonalDataScan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ley 1581 erasure in ai-service: a message of the customer's conversation is understood through the real API (the
 * ledger keeps its correlation id, which names the conversation) and one of their voice notes could not be
 * transcribed; ErasureRequested arrives on the real topic and every table is scanned after.
 */
@EmbeddedInfra
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AiErasureIT {

    static final Duration PATIENCE = Duration.ofSeconds(45);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void after_an_erasure_no_table_holds_the_persons_number_and_the_cost_ledger_keeps_its_rows() throws Exception {
        // given Felipe's conversation asked for an intent, and a voice note of his was kept
        String waId = "573189990222";
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ai/intent"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.service())
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"text\":\"quiero una bandeja paisa\",\"role\":\"CUSTOMER\",\"correlationId\":\"conv:"
                                        + waId + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                        INSERT INTO ai_voice_note (message_id, wa_id, media_id, role, status, detail, received_at)
                        VALUES ('wamid.voice-priv', :wa, 'media-77', 'CUSTOMER', 'UNREADABLE', 'corrupt', now())
                        """).param("wa", waId).update();
        long messages =
                jdbc.sql("SELECT count(*) FROM ai_message").query(Long.class).single();
        var scan = new PersonalDataScan(dataSource);
        assertThat(scan.holding(waId)).isNotEmpty();

        // when his erasure is asked for
        try (var erasures = new ErasureTopic()) {
            String erasureId = erasures.request(waId, List.of(), List.of());

            // then ai-service confirms, nothing of his is left, and the cost ledger keeps its rows
            var confirmed = erasures.awaitConfirmation(erasureId, "ai-service", PATIENCE);
            assertThat(confirmed.getRowsDeleted()).isEqualTo(1);
            assertThat(confirmed.getRowsAnonymized()).isGreaterThanOrEqualTo(1);
            assertThat(scan.holding(waId, "media-77")).isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM ai_message")
                            .query(Long.class)
                            .single())
                    .isEqualTo(messages);
        }
    }
}
