package co.wpfoods.gateway.metawebhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureVerifierTest {

    private static final String CURRENT = "current-app-secret";
    private static final String PREVIOUS = "previous-app-secret";
    private static final byte[] BODY =
            "{\"object\":\"whatsapp_business_account\",\"name\":\"Mar\\u00eda \\u00d1u\\u00f1ez\"}"
                    .getBytes(StandardCharsets.UTF_8);

    private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(List.of(CURRENT, PREVIOUS));

    @Test
    void accepts_a_body_signed_with_the_current_secret() {
        assertThat(verifier.verify(WebhookSignatureVerifier.sign(CURRENT, BODY), BODY))
                .isEqualTo(SignatureVerdict.VALID);
    }

    @Test
    void accepts_a_body_signed_with_the_previous_secret_during_a_rotation() {
        assertThat(verifier.verify(WebhookSignatureVerifier.sign(PREVIOUS, BODY), BODY))
                .isEqualTo(SignatureVerdict.VALID);
    }

    @Test
    void matches_the_known_hmac_of_a_fixed_body() {
        // echo -n 'hello' | openssl dgst -sha256 -hmac 'key'
        String header = "sha256=9307b3b915efb5171ff14d8cb55fbcc798c6c0ef1456d66ded1a6aa723a58b7b";
        WebhookSignatureVerifier keyed = new WebhookSignatureVerifier(List.of("key"));

        assertThat(keyed.verify(header, "hello".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(SignatureVerdict.VALID);
        assertThat(WebhookSignatureVerifier.sign("key", "hello".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(header);
    }

    @Test
    void accepts_upper_case_hex_digits() {
        String header = WebhookSignatureVerifier.sign(CURRENT, BODY);
        String upper = "sha256=" + header.substring(7).toUpperCase();

        assertThat(verifier.verify(upper, BODY)).isEqualTo(SignatureVerdict.VALID);
    }

    @Test
    void reports_a_missing_header() {
        assertThat(verifier.verify(null, BODY)).isEqualTo(SignatureVerdict.MISSING);
    }

    @Test
    void reports_malformed_headers() {
        String hex = WebhookSignatureVerifier.sign(CURRENT, BODY).substring(7);

        assertThat(verifier.verify(hex, BODY)).isEqualTo(SignatureVerdict.MALFORMED);
        assertThat(verifier.verify("sha1=" + hex, BODY)).isEqualTo(SignatureVerdict.MALFORMED);
        assertThat(verifier.verify("sha256=" + hex.substring(1), BODY)).isEqualTo(SignatureVerdict.MALFORMED);
        assertThat(verifier.verify("sha256=" + hex + "00", BODY)).isEqualTo(SignatureVerdict.MALFORMED);
        assertThat(verifier.verify("sha256=" + "g" + hex.substring(1), BODY)).isEqualTo(SignatureVerdict.MALFORMED);
        assertThat(verifier.verify("", BODY)).isEqualTo(SignatureVerdict.MALFORMED);
        assertThat(WebhookSignatureVerifier.isWellFormed("sha256=" + hex)).isTrue();
        assertThat(WebhookSignatureVerifier.isWellFormed(null)).isFalse();
    }

    @Test
    void rejects_a_body_signed_with_another_secret() {
        assertThat(verifier.verify(WebhookSignatureVerifier.sign("someone-elses-secret", BODY), BODY))
                .isEqualTo(SignatureVerdict.MISMATCH);
    }

    @Test
    void rejects_a_body_with_one_byte_changed() {
        String header = WebhookSignatureVerifier.sign(CURRENT, BODY);
        byte[] tampered = BODY.clone();
        tampered[tampered.length / 2] ^= 0x01;

        assertThat(verifier.verify(header, tampered)).isEqualTo(SignatureVerdict.MISMATCH);
    }

    @Test
    void ignores_a_blank_previous_secret() {
        WebhookSignatureVerifier onlyCurrent = new WebhookSignatureVerifier(List.of(CURRENT, ""));

        assertThat(onlyCurrent.verify(WebhookSignatureVerifier.sign(CURRENT, BODY), BODY))
                .isEqualTo(SignatureVerdict.VALID);
        assertThat(onlyCurrent.verify(WebhookSignatureVerifier.sign(PREVIOUS, BODY), BODY))
                .isEqualTo(SignatureVerdict.MISMATCH);
    }

    @Test
    void refuses_to_start_without_any_secret() {
        assertThatThrownBy(() -> new WebhookSignatureVerifier(List.of(" ", "")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
