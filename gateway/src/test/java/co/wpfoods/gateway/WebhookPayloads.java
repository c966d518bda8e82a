package co.wpfoods.gateway;

import java.nio.charset.StandardCharsets;

/** Webhook bodies shaped like Meta's (reference §2.3 and §3), with WPFoods values. */
public final class WebhookPayloads {

    private WebhookPayloads() {}

    /**
     * A text message whose bytes are awkward on purpose: escaped unicode as Meta sends it, raw
     * UTF-8 accents and an emoji, odd whitespace and key order. Re-serialising would change them.
     */
    public static byte[] textMessage() {
        String json = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
                + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
                + "\"metadata\":{\"display_phone_number\":\"573150000000\",\"phone_number_id\":\"106540352242922\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Camila Rojas \\u00d1\"},\"wa_id\":\"573001234567\"}],"
                + "\"messages\":[{\"from\":\"573001234567\",\"id\":\"wamid.HBgMNTczMDAxMjM0NTY3FQIAEhggQTE=\","
                + "\"timestamp\":\"1749416383\",\"type\":\"text\","
                + "\"text\":{\"body\":\"Quiero dos empanadas y una limonada de coco, por favor  🥟  ñandú\"}}]}}]}]}\n";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
