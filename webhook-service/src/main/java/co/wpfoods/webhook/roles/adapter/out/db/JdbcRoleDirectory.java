package co.wpfoods.webhook.roles.adapter.out.db;

import co.wpfoods.schemas.wa.Role;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.webhook.roles.application.RoleDirectory;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The role directory in {@code role_assignment}: one row per (number, source entity). A number that runs a
 * restaurant and also delivers is routed as a restaurant (a shop's chat must not end up in the worker flow). The number
 * is stored only as its keyed hash: the directory answers "whose number is this", and never lists numbers.
 */
public class JdbcRoleDirectory implements RoleDirectory {

    private final JdbcClient jdbc;
    private final LookupHash lookupHash;

    public JdbcRoleDirectory(JdbcClient jdbc, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
    }

    @Override
    public Map<String, Role> rolesOf(Collection<String> waIds) {
        Map<String, Role> roles = new HashMap<>();
        if (waIds.isEmpty()) {
            return roles;
        }
        Map<String, String> waIdByHash = new HashMap<>();
        for (String waId : waIds) {
            waIdByHash.put(HexFormat.of().formatHex(lookupHash.hash(waId)), waId);
        }
        jdbc.sql("SELECT wa_id_hash, role FROM role_assignment WHERE wa_id_hash = ANY(?::bytea[])")
                .param(waIdByHash.keySet().stream()
                        .map(HexFormat.of()::parseHex)
                        .toArray(byte[][]::new))
                .query((rs, row) -> roles.merge(
                        waIdByHash.get(HexFormat.of().formatHex(rs.getBytes("wa_id_hash"))),
                        Role.valueOf(rs.getString("role")),
                        JdbcRoleDirectory::precedence))
                .list();
        return roles;
    }

    @Override
    public void replace(String source, Role role, Set<String> waIds) {
        jdbc.sql("DELETE FROM role_assignment WHERE source = ?").param(source).update();
        for (String waId : waIds) {
            jdbc.sql("INSERT INTO role_assignment (wa_id_hash, source, role) VALUES (?, ?, ?)")
                    .params(lookupHash.hash(waId), source, role.name())
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
