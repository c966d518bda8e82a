package co.wpfoods.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads WPFoods' roles and restaurant ids from a JWT. The claim names are configurable
 * ({@code wpfoods.security.roles-claim}, {@code wpfoods.security.restaurants-claim}) so any OIDC
 * issuer can be used; unknown role names are ignored, never mapped to anything.
 */
public final class TokenClaims implements Converter<Jwt, JwtAuthenticationToken> {

    public static final String DEFAULT_ROLES_CLAIM = "roles";
    public static final String DEFAULT_RESTAURANTS_CLAIM = "restaurant_ids";
    static final String RESTAURANTS_DETAIL = "wpfoods.restaurant_ids";

    private final String rolesClaim;
    private final String restaurantsClaim;

    public TokenClaims(String rolesClaim, String restaurantsClaim) {
        this.rolesClaim = rolesClaim;
        this.restaurantsClaim = restaurantsClaim;
    }

    @Override
    public JwtAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = roles(jwt);
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        JwtAuthenticationToken token = new JwtAuthenticationToken(jwt, authorities, clientOf(jwt));
        token.setDetails(new Details(roles, strings(jwt, restaurantsClaim)));
        return token;
    }

    /** Who the rate limits count against: the OAuth client (client credentials) or else the subject. */
    public static String clientOf(Jwt jwt) {
        for (String claim : List.of("azp", "client_id", "sub")) {
            String value = jwt.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "anonymous-token";
    }

    static Caller callerOf(JwtAuthenticationToken token) {
        if (token.getDetails() instanceof Details details) {
            return new Caller(token.getName(), details.roles(), details.restaurantIds());
        }
        // a token built elsewhere: fall back to the authorities, with no restaurant
        Set<Role> roles = EnumSet.noneOf(Role.class);
        token.getAuthorities().forEach(a -> {
            for (Role role : Role.values()) {
                if (role.authority().equals(a.getAuthority())) {
                    roles.add(role);
                }
            }
        });
        return new Caller(token.getName(), roles, Set.of());
    }

    private Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : strings(jwt, rolesClaim)) {
            Role.fromClaim(value).ifPresent(roles::add);
        }
        return roles;
    }

    private static Set<String> strings(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        Set<String> result = new LinkedHashSet<>();
        if (value instanceof Collection<?> values) {
            values.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .forEach(result::add);
        } else if (value instanceof String single) {
            // some issuers write a space-separated list, like OAuth scopes
            for (String part : single.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    result.add(part);
                }
            }
        }
        return result;
    }

    record Details(Set<Role> roles, Set<String> restaurantIds) {}
}
