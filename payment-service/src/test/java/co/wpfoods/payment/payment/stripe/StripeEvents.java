package co.wpfoods.payment.payment.stripe;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Stripe events and their signatures, computed here as Stripe documents them (HMAC-SHA256 of "t.body"). */
public final class StripeEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StripeEvents() {}

    public static String event(String id, String type, ObjectNode object) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", "2026-07-29.dahlia");
        event.put("created", Instant.now().getEpochSecond());
        event.put("livemode", false);
        event.put("type", type);
        event.putObject("data").set("object", object);
        return JSON.writeValueAsString(event);
    }

    public static String newId() {
        return "evt_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static String signature(String payload, Instant at, String... secrets) {
        var header = new StringBuilder("t=").append(at.getEpochSecond());
        for (String secret : secrets) {
            header.append(",v1=").append(hmac(secret, at.getEpochSecond() + "." + payload));
        }
        return header.toString();
    }

    private static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
