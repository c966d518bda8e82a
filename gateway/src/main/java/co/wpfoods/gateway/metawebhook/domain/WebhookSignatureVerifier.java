package co.wpfoods.gateway.metawebhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Meta's {@code X-Hub-Signature-256} header: {@code sha256=} + hex HMAC-SHA256 of the exact
 * raw body bytes, keyed with the app secret. Several secrets are accepted so that a secret can be
 * rotated without rejecting deliveries signed with the previous one.
 *
 * <p>The comparison is constant-time ({@link MessageDigest#isEqual}) and every accepted secret is
 * always tried, so the time taken does not tell which secret (if any) came close.
 */
public final class WebhookSignatureVerifier {

    static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int DIGEST_HEX_LENGTH = 64;

    private final List<Mac> prototypes;

    /**
     * @param appSecrets the accepted app secrets, current first; blank entries are ignored. At
     *     least one non-blank secret is required.
     */
    public WebhookSignatureVerifier(List<String> appSecrets) {
        this.prototypes = appSecrets.stream()
                .filter(Objects::nonNull)
                .filter(secret -> !secret.isBlank())
                .map(WebhookSignatureVerifier::macFor)
                .toList();
        if (prototypes.isEmpty()) {
            throw new IllegalArgumentException("at least one app secret is required");
        }
    }

    /** Checks {@code header} (may be null) against {@code body}. */
    public SignatureVerdict verify(String header, byte[] body) {
        if (header == null) {
            return SignatureVerdict.MISSING;
        }
        byte[] provided = decode(header);
        if (provided == null) {
            return SignatureVerdict.MALFORMED;
        }
        boolean matched = false;
        for (Mac prototype : prototypes) {
            matched |= MessageDigest.isEqual(hmac(prototype, body), provided);
        }
        return matched ? SignatureVerdict.VALID : SignatureVerdict.MISMATCH;
    }

    /** True when {@code header} has the shape {@code sha256=<64 hex digits>}; says nothing of the HMAC. */
    public static boolean isWellFormed(String header) {
        return header != null && decode(header) != null;
    }

    /** The header value Meta would send for {@code body} signed with {@code appSecret}. */
    public static String sign(String appSecret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(macFor(appSecret), body));
    }

    private static byte[] decode(String header) {
        String trimmed = header.strip();
        if (!trimmed.startsWith(PREFIX) || trimmed.length() != PREFIX.length() + DIGEST_HEX_LENGTH) {
            return null;
        }
        String hex = trimmed.substring(PREFIX.length());
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return null;
            }
        }
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] hmac(Mac prototype, byte[] body) {
        try {
            // Mac is not thread-safe; a clone of an initialised prototype is cheaper than init.
            Mac mac = (Mac) prototype.clone();
            return mac.doFinal(body);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 provider does not support clone", e);
        }
    }

    private static Mac macFor(String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
