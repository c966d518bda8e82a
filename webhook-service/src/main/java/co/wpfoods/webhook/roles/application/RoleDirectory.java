package co.wpfoods.webhook.roles.application;

import co.wpfoods.schemas.wa.Role;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Who a WhatsApp number belongs to; numbers it does not know are customers. */
public interface RoleDirectory {

    /** Roles of the numbers it knows among {@code waIds}; absent ones are customers. */
    Map<String, Role> rolesOf(Collection<String> waIds);

    /** Replaces the numbers one source entity (a restaurant, a worker) contributes, inside the caller's transaction. */
    void replace(String source, Role role, Set<String> waIds);
}
