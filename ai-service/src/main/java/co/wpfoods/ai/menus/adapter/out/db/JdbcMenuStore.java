package co.wpfoods.ai.menus.adapter.out.db;

import co.wpfoods.ai.menus.application.MenuStore;
import co.wpfoods.ai.menus.domain.MenuSnapshot;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The menu read model in ai-service's PostgreSQL, one row per restaurant, newest version wins. */
public final class JdbcMenuStore implements MenuStore {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    public JdbcMenuStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean saveIfNewer(MenuSnapshot menu) {
        return jdbc.sql("""
                        insert into ai_menu (restaurant_id, version, snapshot, updated_at) values (?, ?, ?, ?)
                        on conflict (restaurant_id) do update set version = excluded.version, snapshot = excluded.snapshot,
                            updated_at = excluded.updated_at
                        where ai_menu.version < excluded.version
                        """)
                        .params(
                                menu.restaurantId(),
                                menu.version(),
                                json.writeValueAsString(menu),
                                Timestamp.from(clock.instant()))
                        .update()
                > 0;
    }

    @Override
    public List<MenuSnapshot> all() {
        return jdbc.sql("select snapshot from ai_menu order by restaurant_id")
                .query((rs, n) -> json.readValue(rs.getString(1), MenuSnapshot.class))
                .list();
    }
}
