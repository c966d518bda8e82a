package co.wpfoods.webhook.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.testing.privacy.ErasureTopic;
import co.wpfoods.testing.privacy.PersonalDataScan;
import co.wpfoods.webhook.WebhookFixtures;
import co.wpfoods.webhook.WebhookServiceSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Ley 1581 erasure in webhook-service: real webhooks in, ErasureRequested on the real topic, every table scanned. */
class WebhookErasureIT extends WebhookServiceSupport {

    static final Duration PATIENCE = Duration.ofSeconds(45);

    @Autowired
    DataSource dataSource;

    @Autowired
    LookupHash lookupHash;

    String hex(String waId) {
        return HexFormat.of().formatHex(lookupHash.hash(waId));
    }

    @Test
    void after_an_erasure_no_table_holds_the_persons_number_name_or_address_and_others_are_kept() throws Exception {
        // given Isabela wrote twice (her profile name and address are in Meta's payload), and Andrés once
        String isabela = uniqueNumber();
        String andres = uniqueNumber();
        for (String text : List.of("hola", "Diagonal 40A # 13-09 Teusaquillo")) {
            var body = new String(
                            WebhookFixtures.messagesEnvelope(
                                    isabela, List.of(WebhookFixtures.text(unique("wamid.priv"), isabela, text))),
                            StandardCharsets.UTF_8)
                    .replace("Camila Rojas", "Isabela Montoya");
            assertThat(post(body.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        }
        assertThat(post(WebhookFixtures.messagesEnvelope(
                                andres, List.of(WebhookFixtures.text(unique("wamid.priv"), andres, "hola"))))
                        .statusCode())
                .isEqualTo(200);
        var scan = new PersonalDataScan(dataSource);
        // the archive is encrypted: her number, name and address are in no table in clear, only her number's keyed hash
        assertThat(scan.holding(isabela, "Isabela Montoya", "Diagonal 40A # 13-09"))
                .isEmpty();
        String isabelaHash = hex(isabela);
        assertThat(scan.find(isabelaHash).get(isabelaHash)).containsKeys("raw_webhook_party", "inbound_usage");

        // when her erasure is asked for
        try (var erasures = new ErasureTopic()) {
            String erasureId = erasures.request(isabela, List.of(), List.of());

            // then webhook-service confirms, and nothing of hers is left
            var confirmed = erasures.awaitConfirmation(erasureId, "webhook-service", PATIENCE);
            assertThat(confirmed.getRowsDeleted()).isGreaterThanOrEqualTo(2);
            assertThat(confirmed.getDetail()).contains("raw_webhook: 2 deleted");
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(scan.holding(isabela, "Isabela Montoya", "Diagonal 40A # 13-09"))
                            .isEmpty());
            assertThat(scan.holding(isabelaHash)).isEmpty();
            // while another customer's archive stays
            String andresHash = hex(andres);
            assertThat(scan.find(andresHash).get(andresHash)).containsKey("raw_webhook_party");
        }
    }
}
