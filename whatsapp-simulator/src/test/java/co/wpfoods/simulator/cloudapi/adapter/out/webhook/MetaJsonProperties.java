package co.wpfoods.simulator.cloudapi.adapter.out.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MetaJsonProperties {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void escapes_accents_and_emoji_with_lowercase_hex_like_meta() {
        String escaped = new String(
                MetaJson.writer(JSON).writeValueAsBytes(java.util.Map.of("body", "äöå ñ 🍕")),
                StandardCharsets.US_ASCII);

        assertThat(escaped).isEqualTo("{\"body\":\"\\u00e4\\u00f6\\u00e5 \\u00f1 \\ud83c\\udf55\"}");
    }

    @Test
    void signs_the_exact_bytes_with_the_app_secret() throws Exception {
        byte[] body = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.US_ASCII);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("secreto".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));

        String expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));

        assertThat(MetaJson.signature("secreto", body)).isEqualTo(expected).matches("sha256=[0-9a-f]{64}");
    }

    @Property(tries = 300)
    void escaped_json_is_ascii_and_parses_back_to_the_same_text(@ForAll String text) {
        String escaped = new String(
                MetaJson.writer(JSON).writeValueAsBytes(java.util.Map.of("body", text)), StandardCharsets.UTF_8);

        assertThat(escaped.chars().allMatch(c -> c < 0x80)).isTrue();
        assertThat(JSON.readTree(escaped).get("body").stringValue()).isEqualTo(text);
    }
}
