package co.wpfoods.order.catalog.adapter.out.db;

import co.wpfoods.order.catalog.application.Restaurants;
import co.wpfoods.order.catalog.domain.Cop;
import co.wpfoods.order.catalog.domain.CopDelta;
import co.wpfoods.order.catalog.domain.GeoDistance;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.Menu;
import co.wpfoods.order.catalog.domain.MenuItem;
import co.wpfoods.order.catalog.domain.ModifierGroup;
import co.wpfoods.order.catalog.domain.OpeningHours;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.catalog.domain.RestaurantId;
import co.wpfoods.order.catalog.domain.StoreSettings;
import co.wpfoods.order.privacy.application.PersonalDataColumns;
import co.wpfoods.schemas.wa.WaId;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
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
    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    JdbcRestaurants(JdbcClient jdbc, PersonalDataCipher cipher, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.lookupHash = lookupHash;
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
        saveStore(restaurant.id(), restaurant.store());
        int position = 0;
        for (WaId number : restaurant.staff()) {
            jdbc.sql("""
                            INSERT INTO restaurant_staff (wa_id_hash, wa_id_enc, restaurant_id, position)
                            VALUES (:hash, :waId, :id, :position)
                            """)
                    .param("hash", lookupHash.hash(number.value()))
                    .param("waId", cipher.encrypt(number.value(), PersonalDataColumns.STAFF_WA_ID))
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
    public List<Restaurant> page(int page, int size) {
        return jdbc.sql("SELECT * FROM restaurant ORDER BY created_at, id LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::restaurant)
                .list();
    }

    @Override
    public List<Restaurant> all() {
        return jdbc.sql("SELECT * FROM restaurant ORDER BY created_at, id")
                .query(this::restaurant)
                .list();
    }

    @Override
    public Optional<RestaurantId> staffedBy(WaId number) {
        return jdbc.sql("SELECT restaurant_id FROM restaurant_staff WHERE wa_id_hash = :hash")
                .param("hash", lookupHash.hash(number.value()))
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
            int groupPosition = 0;
            for (ModifierGroup group : item.modifierGroups()) {
                jdbc.sql("""
                                INSERT INTO menu_item_modifier_group
                                  (restaurant_id, item_id, group_id, position, name, min_choices, max_choices)
                                VALUES (:id, :itemId, :groupId, :position, :name, :min, :max)
                                """)
                        .param("id", id)
                        .param("itemId", item.itemId())
                        .param("groupId", group.groupId())
                        .param("position", groupPosition++)
                        .param("name", group.name())
                        .param("min", group.min())
                        .param("max", group.max())
                        .update();
            }
            int modifierPosition = 0;
            for (MenuItem.Modifier modifier : item.modifiers()) {
                jdbc.sql("""
                                INSERT INTO menu_item_modifier (restaurant_id, item_id, modifier_id, position, name, price_cop, group_id)
                                VALUES (:id, :itemId, :modifierId, :position, :name, :price, :groupId)
                                """)
                        .param("groupId", modifier.groupId())
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

    @Override
    public void saveStore(RestaurantId id, StoreSettings store) {
        jdbc.sql("""
                        UPDATE restaurant SET delivery_radius_m = :radius, delivery_fee_cop = :fee,
                               preparation_minutes = :prep, paused = :paused
                        WHERE id = :id
                        """)
                .param("id", id.value())
                .param("radius", store.deliveryRadiusMeters())
                .param("fee", store.deliveryFee().value())
                .param("prep", store.preparationMinutes())
                .param("paused", store.paused())
                .update();
        jdbc.sql("DELETE FROM restaurant_opening_window WHERE restaurant_id = :id")
                .param("id", id.value())
                .update();
        for (OpeningHours.Window w : store.hours().windows()) {
            jdbc.sql("""
                            INSERT INTO restaurant_opening_window (restaurant_id, day_of_week, opens, closes)
                            VALUES (:id, :day, :opens, :closes)
                            """)
                    .param("id", id.value())
                    .param("day", w.day().getValue())
                    .param("opens", w.opens())
                    .param("closes", w.closes())
                    .update();
        }
    }

    @Override
    public List<Restaurant> within(GeoLocation point, double meters) {
        double[] box = GeoDistance.boundingBox(point, meters);
        return jdbc.sql("""
                        SELECT * FROM restaurant
                        WHERE latitude BETWEEN :minLat AND :maxLat AND longitude BETWEEN :minLon AND :maxLon
                        ORDER BY id
                        """)
                .param("minLat", box[0])
                .param("maxLat", box[1])
                .param("minLon", box[2])
                .param("maxLon", box[3])
                .query(this::restaurant)
                .list();
    }

    @Override
    public List<RestaurantId> withItem(String itemId) {
        return jdbc.sql("SELECT restaurant_id FROM menu_item WHERE item_id = :itemId ORDER BY restaurant_id")
                .param("itemId", itemId)
                .query((rs, n) -> new RestaurantId(rs.getString(1)))
                .list();
    }

    private List<MenuItem> items(RestaurantId id) {
        Map<String, List<MenuItem.Modifier>> modifiers = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT item_id, modifier_id, name, price_cop, group_id FROM menu_item_modifier
                        WHERE restaurant_id = :id ORDER BY item_id, position
                        """).param("id", id.value()).query(rs -> {
            modifiers
                    .computeIfAbsent(rs.getString("item_id"), k -> new ArrayList<>())
                    .add(new MenuItem.Modifier(
                            rs.getString("modifier_id"),
                            rs.getString("name"),
                            CopDelta.of(rs.getLong("price_cop")),
                            rs.getString("group_id")));
        });
        Map<String, List<ModifierGroup>> groups = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT item_id, group_id, name, min_choices, max_choices FROM menu_item_modifier_group
                        WHERE restaurant_id = :id ORDER BY item_id, position
                        """).param("id", id.value()).query(rs -> {
            groups.computeIfAbsent(rs.getString("item_id"), k -> new ArrayList<>())
                    .add(new ModifierGroup(
                            rs.getString("group_id"),
                            rs.getString("name"),
                            rs.getInt("min_choices"),
                            rs.getInt("max_choices")));
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
                        groups.getOrDefault(rs.getString("item_id"), List.of()),
                        modifiers.getOrDefault(rs.getString("item_id"), List.of())))
                .list();
    }

    private Restaurant restaurant(ResultSet rs, int row) throws SQLException {
        var id = new RestaurantId(rs.getString("id"));
        double latitude = rs.getDouble("latitude");
        GeoLocation location = rs.wasNull() ? null : new GeoLocation(latitude, rs.getDouble("longitude"));
        List<WaId> staff = jdbc.sql(
                        "SELECT wa_id_enc FROM restaurant_staff WHERE restaurant_id = :id ORDER BY position")
                .param("id", id.value())
                .query((r, n) -> new WaId(cipher.decrypt(r.getBytes(1), PersonalDataColumns.STAFF_WA_ID)))
                .list();
        List<OpeningHours.Window> windows = jdbc.sql(
                        "SELECT day_of_week, opens, closes FROM restaurant_opening_window WHERE restaurant_id = :id")
                .param("id", id.value())
                .query((r, n) -> new OpeningHours.Window(
                        DayOfWeek.of(r.getInt(1)), r.getObject(2, LocalTime.class), r.getObject(3, LocalTime.class)))
                .list();
        var store = new StoreSettings(
                new OpeningHours(windows),
                rs.getInt("delivery_radius_m"),
                Cop.of(rs.getLong("delivery_fee_cop")),
                rs.getInt("preparation_minutes"),
                rs.getBoolean("paused"));
        return new Restaurant(
                id, rs.getString("name"), staff, rs.getString("address"), location, rs.getString("zone"), store);
    }
}
