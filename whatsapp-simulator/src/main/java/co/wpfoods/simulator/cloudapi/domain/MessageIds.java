package co.wpfoods.simulator.cloudapi.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/** Fresh opaque ids shaped like Meta's: {@code wamid.<base64>} messages and numeric media ids. */
public final class MessageIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong MEDIA_SEQUENCE = new AtomicLong(1_000_000_000_000_000L + RANDOM.nextInt(1_000_000));

    private MessageIds() {}

    public static String newWamid(String waId) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        byte[] prefix = ("HBgM" + waId + "FQIAERgS").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer =
                ByteBuffer.allocate(prefix.length + random.length).put(prefix).put(random);
        return "wamid." + Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    public static String newMediaId() {
        return Long.toString(MEDIA_SEQUENCE.incrementAndGet());
    }

    public static String newConversationId() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }
}
