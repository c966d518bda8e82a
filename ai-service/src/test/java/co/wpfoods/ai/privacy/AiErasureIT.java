package co.wpfoods.ai.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.ai.privacy.application.PersonalDataColumns;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.privacy.ErasureTopic;
import co.wpfoods.testing.privacy.PersonalDataScan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
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
 * transcribed; both are stored only as keyed hashes and ciphertexts; ErasureRequested arrives on the real topic, the
 * person is found by hash, and every table is scanned after for the number, the hashes and the ciphertexts.
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

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    LookupHash lookupHash;

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
        byte[] number = cipher.encrypt(waId, PersonalDataColumns.VOICE_NOTE_WA_ID);
        byte[] media = cipher.encrypt("media-77", PersonalDataColumns.VOICE_NOTE_MEDIA_ID);
        jdbc.sql("""
                        INSERT INTO ai_voice_note (message_id, wa_id_hash, wa_id_enc, media_id_enc, role, status, detail,
                                                   received_at)
                        VALUES ('wamid.voice-priv', :hash, :number, :media, 'CUSTOMER', 'UNREADABLE', 'corrupt', now())
                        """)
                .param("hash", lookupHash.hash(waId))
                .param("number", number)
                .param("media", media)
                .update();
        long messages =
                jdbc.sql("SELECT count(*) FROM ai_message").query(Long.class).single();
        var scan = new PersonalDataScan(dataSource);
        var hex = HexFormat.of();
        String numberHash = hex.formatHex(lookupHash.hash(waId));
        String conversationHash = hex.formatHex(lookupHash.hash("conv:" + waId));
        // nothing of his in clear, only as keyed hashes and ciphertexts
        assertThat(scan.holding(waId, "media-77")).isEmpty();
        assertThat(scan.holding(numberHash)).isNotEmpty();
        assertThat(scan.holding(conversationHash)).isNotEmpty();

        // when his erasure is asked for
        try (var erasures = new ErasureTopic()) {
            String erasureId = erasures.request(waId, List.of(), List.of());

            // then ai-service confirms, nothing of his is left, and the cost ledger keeps its rows
            var confirmed = erasures.awaitConfirmation(erasureId, "ai-service", PATIENCE);
            assertThat(confirmed.getRowsDeleted()).isEqualTo(1);
            assertThat(confirmed.getRowsAnonymized()).isGreaterThanOrEqualTo(1);
            assertThat(scan.holding(waId, "media-77")).isEmpty();
            assertThat(scan.holding(numberHash, conversationHash, hex.formatHex(number), hex.formatHex(media)))
                    .isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM ai_message")
                            .query(Long.class)
                            .single())
                    .isEqualTo(messages);
        }
    }
}
