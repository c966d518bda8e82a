package co.wpfoods.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenClaimsTest {

    final TokenClaims claims = new TokenClaims("roles", "restaurant_ids");

    Jwt jwt(Object roles, Object restaurants) {
        var builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("user-1")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        if (roles != null) {
            builder.claim("roles", roles);
        }
        if (restaurants != null) {
            builder.claim("restaurant_ids", restaurants);
        }
        return builder.build();
    }

    @Test
    void maps_known_roles_to_authorities_and_ignores_unknown_ones() {
        var token = claims.convert(jwt(List.of("restaurant", "admin", "ROLE_ops"), List.of("r-1", "r-2")));

        Caller caller = TokenClaims.callerOf(token);

        assertThat(caller.roles()).containsExactly(Role.RESTAURANT);
        assertThat(token.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("ROLE_restaurant");
        assertThat(caller.restaurantIds()).containsExactlyInAnyOrder("r-1", "r-2");
        assertThat(caller.mayActForRestaurant("r-2")).isTrue();
        assertThat(caller.mayActForRestaurant("r-3")).isFalse();
    }

    @Test
    void reads_a_space_separated_roles_string_as_some_issuers_write_it() {
        var caller = TokenClaims.callerOf(claims.convert(jwt("ops service", null)));

        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.OPS, Role.SERVICE);
    }

    @Test
    void restaurant_ids_in_a_token_without_the_restaurant_role_give_no_access() {
        var caller = TokenClaims.callerOf(claims.convert(jwt(List.of("worker-admin"), List.of("r-1"))));

        assertThat(caller.mayActForRestaurant("r-1")).isFalse();
        assertThat(caller.maySeePersonalData(Role.WORKER_ADMIN)).isTrue();
        assertThat(caller.maySeePersonalData(Role.RESTAURANT)).isFalse();
    }

    @Test
    void a_token_without_roles_has_none() {
        var caller = TokenClaims.callerOf(claims.convert(jwt(null, null)));

        assertThat(caller.roles()).isEmpty();
        assertThat(caller.isOps()).isFalse();
        assertThat(caller.mayActForRestaurant(null)).isFalse();
    }
}
