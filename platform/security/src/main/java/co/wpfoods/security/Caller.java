package co.wpfoods.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: the token's subject, its roles and, for a restaurant, the restaurants it may act
 * for. Controllers use it for object-level checks ({@link #requireRestaurant}) and property-level
 * filtering ({@link #isOps}); it is built from the authenticated JWT, never from request data.
 */
public record Caller(String subject, Set<Role> roles, Set<String> restaurantIds) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        restaurantIds = Set.copyOf(restaurantIds);
    }

    /** The caller of the request being handled; fails (401) when nobody authenticated. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return TokenClaims.callerOf(jwt);
        }
        throw new AuthenticationCredentialsNotFoundException("No authenticated caller");
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isOps() {
        return has(Role.OPS);
    }

    /** Ops may act for every restaurant; a restaurant token only for the ids in its claim. */
    public boolean mayActForRestaurant(String restaurantId) {
        return isOps() || (has(Role.RESTAURANT) && restaurantId != null && restaurantIds.contains(restaurantId));
    }

    /**
     * Object-level check (OWASP API1): throws {@link NotYoursException} (404, the same answer as for
     * a restaurant that does not exist, so ids cannot be probed) unless the caller may act for it.
     */
    public void requireRestaurant(String restaurantId) {
        if (!mayActForRestaurant(restaurantId)) {
            throw new NotYoursException();
        }
    }

    /** Keeps the items the caller may see: all of them for ops, a restaurant's own for a restaurant token. */
    public <T> List<T> onlyOwnRestaurants(List<T> items, Function<T, String> restaurantIdOf) {
        if (isOps()) {
            return items;
        }
        return items.stream()
                .filter(item -> mayActForRestaurant(restaurantIdOf.apply(item)))
                .toList();
    }

    /** Property-level check (OWASP API3): whether any of the given roles (ops always) may see a personal field. */
    public boolean maySeePersonalData(Role... rolesThatNeedIt) {
        if (isOps()) {
            return true;
        }
        for (Role role : rolesThatNeedIt) {
            if (has(role)) {
                return true;
            }
        }
        return false;
    }
}
