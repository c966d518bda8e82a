package co.wpfoods.webhook.roles.adapter.out.db;

import co.wpfoods.schemas.wa.Role;
import co.wpfoods.webhook.roles.application.RoleDirectory;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The role directory in {@code role_assignment}: one row per (number, source entity). A number that runs a
 * restaurant and also delivers is routed as a restaurant (a shop's chat must not end up in the worker flow).
 */
public class JdbcRoleDirectory implements RoleDirectory {

    private final JdbcClient jdbc;

    public JdbcRoleDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Role> rolesOf(Collection<String> waIds) {
        Map<String, Role> roles = new HashMap<>();
        if (waIds.isEmpty()) {
            return roles;
        }
        jdbc.sql("SELECT wa_id, role FROM role_assignment WHERE wa_id = ANY(?::text[])")
                .param(waIds.toArray(String[]::new))
                .query((rs, row) -> roles.merge(
                        rs.getString("wa_id"), Role.valueOf(rs.getString("role")), JdbcRoleDirectory::precedence))
                .list();
        return roles;
    }

    @Override
    public void replace(String source, Role role, Set<String> waIds) {
        jdbc.sql("DELETE FROM role_assignment WHERE source = ?").param(source).update();
        for (String waId : waIds) {
            jdbc.sql("INSERT INTO role_assignment (wa_id, source, role) VALUES (?, ?, ?)")
                    .params(waId, source, role.name())
                    .update();
        }
    }

    private static Role precedence(Role a, Role b) {
        if (a == Role.RESTAURANT || b == Role.RESTAURANT) {
            return Role.RESTAURANT;
        }
        return a == Role.WORKER || b == Role.WORKER ? Role.WORKER : Role.CUSTOMER;
    }
}
