package co.wpfoods.order.catalog.adapter.out.db;

import co.wpfoods.order.catalog.application.Restaurants;
import co.wpfoods.order.catalog.domain.Cop;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.Menu;
import co.wpfoods.order.catalog.domain.MenuItem;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.catalog.domain.RestaurantId;
import co.wpfoods.order.catalog.domain.WaId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Restaurants and menus in order-service's PostgreSQL (tables from V1__catalog_restaurants_and_menus.sql). */
@Repository
class JdbcRestaurants implements Restaurants {

    private final JdbcClient jdbc;

    JdbcRestaurants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Restaurant restaurant) {
        jdbc.sql("""
                        INSERT INTO restaurant (id, name, address, latitude, longitude, zone)
                        VALUES (:id, :name, :address, :latitude, :longitude, :zone)
                        """)
                .param("id", restaurant.id().value())
                .param("name", restaurant.name())
                .param("address", restaurant.address())
                .param(
                        "latitude",
                        restaurant.location() == null
                                ? null
                                : restaurant.location().latitude())
                .param(
                        "longitude",
                        restaurant.location() == null
                                ? null
                                : restaurant.location().longitude())
                .param("zone", restaurant.zone())
                .update();
        int position = 0;
        for (WaId number : restaurant.staff()) {
            jdbc.sql("INSERT INTO restaurant_staff (wa_id, restaurant_id, position) VALUES (:waId, :id, :position)")
                    .param("waId", number.value())
                    .param("id", restaurant.id().value())
                    .param("position", position++)
                    .update();
        }
    }

    @Override
    public Optional<Restaurant> find(RestaurantId id) {
        return jdbc.sql("SELECT * FROM restaurant WHERE id = :id")
                .param("id", id.value())
                .query(this::restaurant)
                .optional();
    }

    @Override
    public List<Restaurant> all() {
        return jdbc.sql("SELECT * FROM restaurant ORDER BY created_at, id")
                .query(this::restaurant)
                .list();
    }

    @Override
    public Optional<RestaurantId> staffedBy(WaId number) {
        return jdbc.sql("SELECT restaurant_id FROM restaurant_staff WHERE wa_id = :waId")
                .param("waId", number.value())
                .query((rs, row) -> new RestaurantId(rs.getString(1)))
                .optional();
    }

    @Override
    public Optional<Menu> menuOf(RestaurantId id) {
        return jdbc.sql("SELECT version, open FROM menu WHERE restaurant_id = :id")
                .param("id", id.value())
                .query((rs, row) -> new Menu(id, rs.getLong("version"), rs.getBoolean("open"), items(id)))
                .optional();
    }

    @Override
    public void saveMenu(Menu menu) {
        String id = menu.restaurantId().value();
        jdbc.sql("""
                        INSERT INTO menu (restaurant_id, version, open, published_at) VALUES (:id, :version, :open, now())
                        ON CONFLICT (restaurant_id) DO UPDATE
                        SET version = EXCLUDED.version, open = EXCLUDED.open, published_at = EXCLUDED.published_at
                        """)
                .param("id", id)
                .param("version", menu.version())
                .param("open", menu.open())
                .update();
        jdbc.sql("DELETE FROM menu_item WHERE restaurant_id = :id")
                .param("id", id)
                .update();
        int position = 0;
        for (MenuItem item : menu.items()) {
            jdbc.sql("""
                            INSERT INTO menu_item (restaurant_id, item_id, position, name, description, category, price_cop, available)
                            VALUES (:id, :itemId, :position, :name, :description, :category, :price, :available)
                            """)
                    .param("id", id)
                    .param("itemId", item.itemId())
                    .param("position", position++)
                    .param("name", item.name())
                    .param("description", item.description())
                    .param("category", item.category())
                    .param("price", item.price().value())
                    .param("available", item.available())
                    .update();
            int modifierPosition = 0;
            for (MenuItem.Modifier modifier : item.modifiers()) {
                jdbc.sql("""
                                INSERT INTO menu_item_modifier (restaurant_id, item_id, modifier_id, position, name, price_cop)
                                VALUES (:id, :itemId, :modifierId, :position, :name, :price)
                                """)
                        .param("id", id)
                        .param("itemId", item.itemId())
                        .param("modifierId", modifier.modifierId())
                        .param("position", modifierPosition++)
                        .param("name", modifier.name())
                        .param("price", modifier.price().value())
                        .update();
            }
        }
    }

    private List<MenuItem> items(RestaurantId id) {
        Map<String, List<MenuItem.Modifier>> modifiers = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT item_id, modifier_id, name, price_cop FROM menu_item_modifier
                        WHERE restaurant_id = :id ORDER BY item_id, position
                        """).param("id", id.value()).query(rs -> {
            modifiers
                    .computeIfAbsent(rs.getString("item_id"), k -> new ArrayList<>())
                    .add(new MenuItem.Modifier(
                            rs.getString("modifier_id"), rs.getString("name"), Cop.of(rs.getLong("price_cop"))));
        });
        return jdbc.sql("SELECT * FROM menu_item WHERE restaurant_id = :id ORDER BY position")
                .param("id", id.value())
                .query((rs, row) -> new MenuItem(
                        rs.getString("item_id"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getString("category"),
                        Cop.of(rs.getLong("price_cop")),
                        rs.getBoolean("available"),
                        modifiers.getOrDefault(rs.getString("item_id"), List.of())))
                .list();
    }

    private Restaurant restaurant(ResultSet rs, int row) throws SQLException {
        var id = new RestaurantId(rs.getString("id"));
        double latitude = rs.getDouble("latitude");
        GeoLocation location = rs.wasNull() ? null : new GeoLocation(latitude, rs.getDouble("longitude"));
        List<WaId> staff = jdbc.sql("SELECT wa_id FROM restaurant_staff WHERE restaurant_id = :id ORDER BY position")
                .param("id", id.value())
                .query((r, n) -> new WaId(r.getString(1)))
                .list();
        return new Restaurant(id, rs.getString("name"), staff, rs.getString("address"), location, rs.getString("zone"));
    }
}
