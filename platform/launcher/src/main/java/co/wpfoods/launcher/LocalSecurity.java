package co.wpfoods.launcher;

import co.wpfoods.security.Role;
import co.wpfoods.security.crypto.Keysets;
import co.wpfoods.security.jwt.LocalTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;

/**
 * The local token issuer and data keys of a local run, under {@code <data-dir>/security} (git-ignored, owner-only):
 * a signing key made anew at every {@code up} (tokens of an earlier run stop working), its public key that every
 * service reads through Spring's standard {@code public-key-location}, and the Tink keysets for personal data,
 * made once (data encrypted in an earlier run must stay readable) and handed to the services through a properties
 * file, so that they never appear on a command line.
 */
final class LocalSecurity {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final Path directory;

    LocalSecurity(Path dataDir) {
        this.directory = dataDir.resolve("security");
    }

    Path signingKey() {
        return directory.resolve("jwt-signing-key.json");
    }

    Path publicKey() {
        return directory.resolve("jwt-public-key.pem");
    }

    Path keysFile() {
        return directory.resolve("keys.properties");
    }

    /** This run's {@code service} tokens for the services that call ai-service or messaging-service's media upload. */
    Path serviceTokensFile() {
        return directory.resolve("service-tokens.properties");
    }

    /** A new signing key and its public key, this run's service tokens; the data keysets if there are none yet. */
    void prepare() {
        LocalTokens tokens = LocalTokens.generate(LocalTokens.LOCAL_ISSUER);
        tokens.savePrivateKey(signingKey());
        tokens.writePublicKeyPem(publicKey());
        Properties serviceTokens = new Properties();
        serviceTokens.setProperty(
                "wpfoods.order.ai.bearer-token",
                tokens.mint("order-service", List.of(Role.SERVICE), List.of(), TOKEN_LIFETIME));
        // order-service also uploads sales charts through messaging-service's internal media endpoint
        serviceTokens.setProperty(
                "wpfoods.order.messaging.bearer-token",
                tokens.mint("order-service", List.of(Role.SERVICE), List.of(), TOKEN_LIFETIME));
        serviceTokens.setProperty(
                "wpfoods.dispatch.ai.bearer-token",
                tokens.mint("dispatch-service", List.of(Role.SERVICE), List.of(), TOKEN_LIFETIME));
        writeOwnerOnly(serviceTokensFile(), serviceTokens);
        if (!Files.exists(keysFile())) {
            Properties keys = new Properties();
            keys.setProperty("wpfoods.security.keys.personal-data", Keysets.newPersonalDataKeyset());
            keys.setProperty("wpfoods.security.keys.lookup", Keysets.newLookupKeyset());
            writeOwnerOnly(keysFile(), keys);
        }
    }

    /** A signed token from this run's key. */
    String mint(String subject, Collection<Role> roles, Collection<String> restaurantIds) {
        return LocalTokens.load(signingKey(), LocalTokens.LOCAL_ISSUER)
                .mint(subject, roles, restaurantIds, TOKEN_LIFETIME);
    }

    /** What every Spring service of a local run is started with (see {@link Services#spec}). */
    static List<String> serviceArguments(Path dataDir) {
        LocalSecurity security = new LocalSecurity(dataDir);
        return List.of(
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + security.publicKey(),
                "--spring.config.import=file:" + security.keysFile() + ",file:" + security.serviceTokensFile());
    }

    private static void writeOwnerOnly(Path file, Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the data folder's own protection applies
            }
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "WPFoods local keysets (generated; never commit, never copy to another machine)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
