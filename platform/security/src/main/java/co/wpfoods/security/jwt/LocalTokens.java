package co.wpfoods.security.jwt;

import co.wpfoods.security.Role;
import co.wpfoods.security.TokenClaims;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;

/**
 * A local token issuer: an RSA key made on this machine (never committed, never shared), tokens
 * signed with it (RS256, WPFoods' roles and restaurant ids claims), and its public key for the
 * services' standard {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. Used by
 * the launcher for {@code ./wpfoods up} and by tests; production uses a real OIDC issuer instead.
 */
public final class LocalTokens {

    public static final String LOCAL_ISSUER = "wpfoods-local";

    private final RSAKey key;
    private final String issuer;
    private final Clock clock;

    private LocalTokens(RSAKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** A new 2048-bit RSA key with a random key id. */
    public static LocalTokens generate(String issuer) {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            return new LocalTokens(key, issuer, Clock.systemUTC());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    /** Reads a key written by {@link #savePrivateKey}. */
    public static LocalTokens load(Path privateJwk, String issuer) {
        try {
            return new LocalTokens(RSAKey.parse(Files.readString(privateJwk)), issuer, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Not an RSA JWK: " + privateJwk, e);
        }
    }

    /** Writes the private key as a JWK, readable only by its owner. */
    public Path savePrivateKey(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the data folder's own protection applies
            }
            Files.writeString(file, key.toJSONString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the public key as PEM (X.509 SubjectPublicKeyInfo), what {@code public-key-location} reads. */
    public Path writePublicKeyPem(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, publicKeyPem());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String publicKeyPem() {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(key.toRSAPublicKey().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK set (what an OIDC issuer publishes at its jwks_uri). */
    public String jwkSetJson() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public String issuer() {
        return issuer;
    }

    /** A signed token for a subject with the given roles (and restaurant ids for a restaurant), valid for {@code ttl}. */
    public String mint(String subject, Collection<Role> roles, Collection<String> restaurantIds, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim(
                        TokenClaims.DEFAULT_ROLES_CLAIM,
                        roles.stream().map(Role::claimValue).toList());
        if (!restaurantIds.isEmpty()) {
            claims.claim(
                    TokenClaims.DEFAULT_RESTAURANTS_CLAIM,
                    restaurantIds.stream().toList());
        }
        return sign(claims.build());
    }

    /** Signs any claims (tests use it for expired or foreign-issuer tokens). */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }
}
