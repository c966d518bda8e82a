package co.wpfoods.gateway.edge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogRedactionTest {

    @Test
    void redacts_digit_runs_of_seven_or_more_in_paths_and_queries() {
        assertThat(LogRedaction.redactPathAndQuery("/api/orders/by-phone/573001234567?wa_id=573001234567&page=2"))
                .isEqualTo("/api/orders/by-phone/[redacted]?wa_id=[redacted]&page=2");
    }

    @Test
    void redacts_phone_numbers_written_with_separators_or_url_encoding() {
        assertThat(LogRedaction.redactPathAndQuery("/api/x?phone=%2B57%20300%20123%204567"))
                .doesNotContain("300")
                .doesNotContain("4567");
        assertThat(LogRedaction.redactPathAndQuery("/api/x?phone=+57-300-123-4567"))
                .doesNotContain("4567");
        assertThat(LogRedaction.redactPathAndQuery("/api/x?phone=(300) 123 4567"))
                .doesNotContain("4567");
    }

    @Test
    void keeps_short_numbers_such_as_ids_and_pages() {
        assertThat(LogRedaction.redactPathAndQuery("/api/orders/123456/items?page=10"))
                .isEqualTo("/api/orders/123456/items?page=10");
    }

    @Test
    void drops_the_values_of_secret_query_parameters() {
        assertThat(LogRedaction.redactPathAndQuery(
                        "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=s3cr3t&hub.challenge=42"))
                .isEqualTo("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=[redacted]&hub.challenge=42");
        assertThat(LogRedaction.redactPathAndQuery("/api/payments/webhooks/x?api_key=abc&Signature=def"))
                .isEqualTo("/api/payments/webhooks/x?api_key=[redacted]&Signature=[redacted]");
    }

    @Test
    void handles_missing_input() {
        assertThat(LogRedaction.redactPathAndQuery(null)).isEmpty();
        assertThat(LogRedaction.redactPathAndQuery("/")).isEqualTo("/");
    }
}
