package co.wpfoods.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles a WPFoods token can carry, by the name written in the token's roles claim. */
public enum Role {
    /** WPFoods operations staff: every API, every restaurant, personal data where the API offers it. */
    OPS("ops"),
    /** A restaurant's own tools: only the restaurants named in the token's restaurant ids claim. */
    RESTAURANT("restaurant"),
    /** Whoever signs up rapitenderos: worker registration and the worker list. */
    WORKER_ADMIN("worker-admin"),
    /** Another WPFoods service calling this one (for example order-service calling ai-service). */
    SERVICE("service");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The value in the token's roles claim, also the Spring Security role name ({@code hasRole("ops")}). */
    public String claimValue() {
        return claimValue;
    }

    /** The granted authority Spring Security checks ({@code ROLE_ops}). */
    public String authority() {
        return "ROLE_" + claimValue;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
    }
}
