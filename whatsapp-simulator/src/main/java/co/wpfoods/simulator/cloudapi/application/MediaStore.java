package co.wpfoods.simulator.cloudapi.application;

import co.wpfoods.simulator.cloudapi.domain.MessageIds;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Media of both sides, in memory: business uploads ({@code POST /{phone-number-id}/media}) and
 * files users send. Download URLs are signed, expire after the configured TTL (Meta: 5 min)
 * and answer 404 afterwards, as in the two-step flow of reference §6.8.
 */
public final class MediaStore implements SendRequestValidator.MediaCatalog {

    public record StoredMedia(
            String id, byte[] bytes, String mimeType, String sha256, String filename, Instant storedAt) {
        public int size() {
            return bytes.length;
        }
    }

    private final Map<String, StoredMedia> media = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration urlTtl;
    private final Duration mediaTtl;
    private final byte[] urlKey = new byte[32];

    public MediaStore(Clock clock, Duration urlTtl, Duration mediaTtl) {
        this.clock = clock;
        this.urlTtl = urlTtl;
        this.mediaTtl = mediaTtl;
        new SecureRandom().nextBytes(urlKey);
    }

    public StoredMedia store(byte[] bytes, String mimeType, String filename) {
        String id = MessageIds.newMediaId();
        StoredMedia stored =
                new StoredMedia(id, bytes.clone(), mimeType, sha256Base64(bytes), filename, clock.instant());
        media.put(id, stored);
        return stored;
    }

    public Optional<StoredMedia> find(String id) {
        StoredMedia stored = media.get(id);
        if (stored == null || clock.instant().isAfter(stored.storedAt().plus(mediaTtl))) {
            return Optional.empty();
        }
        return Optional.of(stored);
    }

    @Override
    public Optional<String> mimeTypeOf(String mediaId) {
        return find(mediaId).map(StoredMedia::mimeType);
    }

    public boolean delete(String id) {
        return media.remove(id) != null;
    }

    public void clear() {
        media.clear();
    }

    /** Path and query of a fresh download URL, shaped like Meta's lookaside URL. */
    public String downloadPath(String id) {
        long expires = clock.instant().plus(urlTtl).getEpochSecond();
        return "/whatsapp_business/attachments/?mid=" + id + "&ext=" + expires + "&hash=" + sign(id, expires);
    }

    /** The media behind a download URL, unless the URL is forged or expired. */
    public Optional<StoredMedia> resolveDownload(String id, String ext, String hash) {
        long expires;
        try {
            expires = Long.parseLong(ext);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (id == null || hash == null || clock.instant().getEpochSecond() > expires) {
            return Optional.empty();
        }
        boolean genuine = MessageDigest.isEqual(
                sign(id, expires).getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
        return genuine ? find(id) : Optional.empty();
    }

    private String sign(String id, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(urlKey, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + ":" + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Meta's {@code sha256}: base64 of the SHA-256 of the file. */
    public static String sha256Base64(byte[] bytes) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
