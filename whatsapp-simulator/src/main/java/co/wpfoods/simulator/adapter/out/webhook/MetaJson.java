package co.wpfoods.simulator.adapter.out.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook body bytes and signature (reference §2.2): non-ASCII characters escaped as
 * {@code \\uXXXX} with lowercase hex, and {@code sha256=<lowercase hex HMAC-SHA256(appSecret, body)>}.
 */
public final class MetaJson {

    private static final HexFormat HEX = HexFormat.of();

    private MetaJson() {}

    /**
     * Escapes every non-ASCII UTF-16 unit of compact JSON text; safe outside strings because JSON
     * syntax itself is ASCII. Emoji become surrogate pairs, as in Meta's payloads.
     */
    public static String escapeNonAscii(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append("\\u").append(HEX.toHexDigits(c));
            }
        }
        return out.toString();
    }

    public static byte[] body(String json) {
        return escapeNonAscii(json).getBytes(StandardCharsets.US_ASCII);
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
