package co.wpfoods.gateway.metawebhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Meta's webhook verification handshake: a GET with {@code hub.mode=subscribe}, the verify token we
 * typed into the dashboard and a challenge to echo. The token comparison is constant-time and, by
 * comparing SHA-256 digests, does not reveal the configured token's length either.
 */
public final class SubscriptionHandshake {

    static final String SUBSCRIBE = "subscribe";

    private final byte[] expectedTokenDigest;

    /** @param verifyToken the configured verify token; a blank one makes every handshake fail. */
    public SubscriptionHandshake(String verifyToken) {
        this.expectedTokenDigest = verifyToken == null || verifyToken.isBlank() ? null : sha256(verifyToken);
    }

    /**
     * @return the challenge to echo when the request is a valid subscription, empty otherwise.
     */
    public Optional<String> answer(String mode, String verifyToken, String challenge) {
        boolean tokenMatches = expectedTokenDigest != null
                && verifyToken != null
                && MessageDigest.isEqual(expectedTokenDigest, sha256(verifyToken));
        if (tokenMatches && SUBSCRIBE.equals(mode) && challenge != null && !challenge.isEmpty()) {
            return Optional.of(challenge);
        }
        return Optional.empty();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
