package co.wpfoods.security.test;

import co.wpfoods.security.Role;
import co.wpfoods.security.crypto.Keysets;
import co.wpfoods.security.jwt.LocalTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signed tokens for tests, from an RSA key generated once per test JVM (nothing is committed, and a
 * token of one run is worthless in the next). Every {@code @SpringBootTest} of a module that has
 * this test-jar trusts the key ({@link TestSecurityContextCustomizerFactory}); a service started as
 * a process gets {@link #serviceProperties()}.
 *
 * <p>Each call mints a token for a new subject, so a test's many requests do not meet the per-client
 * rate limit; {@link #forSubject} keeps one subject.
 */
public final class TestTokens {

    private static final LocalTokens ISSUER = LocalTokens.generate("wpfoods-test");
    private static final AtomicLong SUBJECTS = new AtomicLong();
    private static final Path PUBLIC_KEY = writePublicKey();
    private static final String PERSONAL_DATA_KEYSET = Keysets.newPersonalDataKeyset();
    private static final String LOOKUP_KEYSET = Keysets.newLookupKeyset();

    private TestTokens() {}

    /** {@code "Bearer <token>"} for an ops user. */
    public static String ops() {
        return bearer(Role.OPS);
    }

    /** {@code "Bearer <token>"} for a restaurant's tools acting for these restaurant ids. */
    public static String restaurant(String... restaurantIds) {
        return "Bearer "
                + ISSUER.mint(nextSubject(), List.of(Role.RESTAURANT), List.of(restaurantIds), Duration.ofMinutes(10));
    }

    public static String workerAdmin() {
        return bearer(Role.WORKER_ADMIN);
    }

    public static String service() {
        return bearer(Role.SERVICE);
    }

    /** {@code "Bearer <token>"} with these roles for a new subject. */
    public static String bearer(Role... roles) {
        return "Bearer " + ISSUER.mint(nextSubject(), List.of(roles), List.of(), Duration.ofMinutes(10));
    }

    /** {@code "Bearer <token>"} for a fixed subject (rate limit tests). */
    public static String forSubject(String subject, Role... roles) {
        return "Bearer " + ISSUER.mint(subject, List.of(roles), List.of(), Duration.ofMinutes(10));
    }

    /** The issuer itself, for tokens with unusual claims (expired, other issuer...). */
    public static LocalTokens issuer() {
        return ISSUER;
    }

    /** The PEM file of the public key, for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public static Path publicKey() {
        return PUBLIC_KEY;
    }

    /** Everything a service needs to trust these tokens and protect personal data in a test run. */
    public static Map<String, String> serviceProperties() {
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + PUBLIC_KEY,
                "wpfoods.security.keys.personal-data", PERSONAL_DATA_KEYSET,
                "wpfoods.security.keys.lookup", LOOKUP_KEYSET);
    }

    /** {@link #serviceProperties()} as Spring command-line arguments ({@code --name=value}). */
    public static String[] commandLineArguments() {
        return serviceProperties().entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    private static String nextSubject() {
        return "test-user-" + SUBJECTS.incrementAndGet();
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("wpfoods-test-jwt", ".pem");
            file.toFile().deleteOnExit();
            return ISSUER.writePublicKeyPem(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> propertyNames() {
        return serviceProperties().keySet();
    }
}
