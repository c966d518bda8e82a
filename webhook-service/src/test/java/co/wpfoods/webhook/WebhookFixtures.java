package co.wpfoods.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Meta webhook payloads written from the reference (src/test/resources/fixtures), and envelopes around them. */
public final class WebhookFixtures {

    public static final String WABA_ID = "102290129340398";
    public static final String PHONE_NUMBER_ID = "106540352242922";

    private WebhookFixtures() {}

    public static String message(String name) {
        return read("fixtures/messages/" + name + ".json");
    }

    public static String status(String name) {
        return read("fixtures/statuses/" + name + ".json");
    }

    public static byte[] envelope(String name) {
        return read("fixtures/envelopes/" + name + ".json").getBytes(StandardCharsets.UTF_8);
    }

    /** One entry, one change, these message objects, and a sender contact for {@code contactWaId}. */
    public static byte[] messagesEnvelope(String contactWaId, List<String> messages) {
        return envelopeOf("""
                "contacts": [ { "profile": { "name": "Camila Rojas" }, "wa_id": "%s" } ],
                "messages": [ %s ]""".formatted(contactWaId, String.join(",", messages)));
    }

    public static byte[] messagesEnvelope(List<String> messages) {
        return messagesEnvelope("573001234567", messages);
    }

    public static byte[] statusesEnvelope(List<String> statuses) {
        return envelopeOf("\"statuses\": [ %s ]".formatted(String.join(",", statuses)));
    }

    /** A text message from {@code from} with the given wamid, as Meta sends it. */
    public static String text(String wamid, String from, String body) {
        return """
                { "from": "%s", "id": "%s", "timestamp": "1767225600", "type": "text", "text": { "body": "%s" } }""".formatted(from, wamid, body);
    }

    public static String voiceNote(String wamid, String from) {
        return """
                { "from": "%s", "id": "%s", "timestamp": "1767225600", "type": "audio",
                  "audio": { "mime_type": "audio/ogg; codecs=opus", "sha256": "x", "id": "9911", "voice": true } }""".formatted(from, wamid);
    }

    public static String statusOf(String wamid, String status, String recipient) {
        return """
                { "id": "%s", "status": "%s", "timestamp": "1767227000", "recipient_id": "%s" }""".formatted(wamid, status, recipient);
    }

    private static byte[] envelopeOf(String valueFields) {
        String json = """
                { "object": "whatsapp_business_account", "entry": [ { "id": "%s", "changes": [ { "field": "messages",
                  "value": { "messaging_product": "whatsapp",
                    "metadata": { "display_phone_number": "573150000000", "phone_number_id": "%s" },
                    %s } } ] } ] }""".formatted(WABA_ID, PHONE_NUMBER_ID, valueFields);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String read(String path) {
        try (InputStream in = WebhookFixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
