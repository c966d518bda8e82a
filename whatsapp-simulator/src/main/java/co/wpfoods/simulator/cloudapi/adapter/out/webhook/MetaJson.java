package co.wpfoods.simulator.cloudapi.adapter.out.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's webhook body bytes and signature (reference §2.2): non-ASCII characters escaped as {@code \\uXXXX} with
 * lowercase hex — Jackson's {@link JsonWriteFeature#ESCAPE_NON_ASCII} with {@link JsonWriteFeature#WRITE_HEX_UPPER_CASE}
 * off (emoji become surrogate pairs, as in Meta's payloads) — and
 * {@code sha256=<lowercase hex HMAC-SHA256(appSecret, body)>}.
 */
public final class MetaJson {

    private static final HexFormat HEX = HexFormat.of();

    private MetaJson() {}

    /** A writer of {@code mapper} that writes Meta's body bytes: compact, ASCII only, lowercase hex escapes. */
    public static ObjectWriter writer(JsonMapper mapper) {
        return mapper.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).without(JsonWriteFeature.WRITE_HEX_UPPER_CASE);
    }

    /** The {@code X-Hub-Signature-256} header value for these exact bytes. */
    public static String signature(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HEX.formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
