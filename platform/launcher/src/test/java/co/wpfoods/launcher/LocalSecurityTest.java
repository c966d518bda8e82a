package co.wpfoods.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class LocalSecurityTest {

    @TempDir
    Path dataDir;

    @Test
    void a_token_minted_for_the_seeder_verifies_against_the_public_key_the_services_read() throws Exception {
        var security = new LocalSecurity(dataDir);
        security.prepare();

        String token = security.mint("launcher-demo-data", List.of(Role.OPS), List.of());
        Jwt jwt = decoderFor(security.publicKey()).decode(token);

        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("ops");
        assertThat(jwt.getExpiresAt()).isAfter(jwt.getIssuedAt());
    }

    @Test
    void every_start_signs_with_a_new_key_but_keeps_the_data_keysets() throws Exception {
        var security = new LocalSecurity(dataDir);
        security.prepare();
        String earlierToken = security.mint("someone", List.of(Role.OPS), List.of());
        String keysets = Files.readString(security.keysFile());

        security.prepare();

        assertThatThrownBy(() -> decoderFor(security.publicKey()).decode(earlierToken))
                .isInstanceOf(JwtException.class);
        assertThat(Files.readString(security.keysFile())).isEqualTo(keysets);
        assertThat(keysets).contains("wpfoods.security.keys.personal-data", "wpfoods.security.keys.lookup");
    }

    @Test
    void the_private_key_and_the_keysets_are_readable_by_their_owner_only() throws Exception {
        var security = new LocalSecurity(dataDir);
        security.prepare();

        for (Path secret : List.of(security.signingKey(), security.keysFile(), security.serviceTokensFile())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void every_spring_service_but_the_simulator_trusts_the_local_key_and_gets_the_keysets() {
        var options = LauncherOptions.parse("up", "--data-dir", dataDir.toString());
        for (String name : Services.NAMES) {
            List<String> arguments = Services.spec(name, options).arguments();
            if (name.equals("whatsapp-simulator")) {
                assertThat(arguments).noneMatch(a -> a.contains("oauth2"));
            } else {
                assertThat(arguments)
                        .as(name)
                        .contains(
                                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                                        + dataDir.resolve("security/jwt-public-key.pem"),
                                "--spring.config.import=file:" + dataDir.resolve("security/keys.properties") + ",file:"
                                        + dataDir.resolve("security/service-tokens.properties"));
            }
        }
    }

    @Test
    void the_services_that_ask_ai_service_get_a_service_token_of_this_run() throws Exception {
        var security = new LocalSecurity(dataDir);
        security.prepare();
        var tokens = new java.util.Properties();
        try (var reader = Files.newBufferedReader(security.serviceTokensFile())) {
            tokens.load(reader);
        }

        for (String property : List.of("wpfoods.order.ai.bearer-token", "wpfoods.dispatch.ai.bearer-token")) {
            Jwt jwt = decoderFor(security.publicKey()).decode(tokens.getProperty(property));
            assertThat(jwt.getClaimAsStringList("roles")).as(property).containsExactly("service");
        }
    }

    static NimbusJwtDecoder decoderFor(Path pem) throws Exception {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        return NimbusJwtDecoder.withPublicKey(key).build();
    }
}
