package co.wpfoods.webhook.application;

import co.wpfoods.schemas.wa.Role;
import java.util.Collection;
import java.util.Map;

/** Who a WhatsApp number belongs to; numbers it does not know are customers. */
public interface RoleDirectory {

    /** Roles of the numbers it knows among {@code waIds}; absent ones are customers. */
    Map<String, Role> rolesOf(Collection<String> waIds);
}
