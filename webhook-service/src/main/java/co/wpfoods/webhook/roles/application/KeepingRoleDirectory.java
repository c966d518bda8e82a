package co.wpfoods.webhook.roles.application;

import co.wpfoods.schemas.wa.Role;
import co.wpfoods.schemas.wa.UserKey;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the role directory in step with the restaurants and workers other services register: a restaurant's staff
 * numbers are routed as the restaurant, an active worker's number as a worker, an inactive worker's as a customer
 * again. Numbers are kept as {@link UserKey} normalises a {@code wa_id}; blank ones are dropped.
 */
public class KeepingRoleDirectory {

    private final RoleDirectory directory;

    public KeepingRoleDirectory(RoleDirectory directory) {
        this.directory = directory;
    }

    public void restaurantStaffed(String restaurantId, Collection<String> staffWaIds) {
        directory.replace("restaurant:" + restaurantId, Role.RESTAURANT, numbers(staffWaIds));
    }

    public void workerRegistered(String workerId, String waId, boolean active) {
        directory.replace("worker:" + workerId, Role.WORKER, active ? numbers(List.of(waId)) : Set.of());
    }

    private static Set<String> numbers(Collection<String> raw) {
        Set<String> numbers = new LinkedHashSet<>();
        for (String number : raw) {
            String waId = UserKey.normalizeWaId(number);
            if (waId != null) {
                numbers.add(waId);
            }
        }
        return numbers;
    }
}
