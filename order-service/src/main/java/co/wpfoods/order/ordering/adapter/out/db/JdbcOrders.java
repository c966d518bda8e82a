package co.wpfoods.order.ordering.adapter.out.db;

import static co.wpfoods.order.privacy.application.PersonalDataColumns.HISTORY_NOTE;
import static co.wpfoods.order.privacy.application.PersonalDataColumns.ORDER_CUSTOMER_KEY;
import static co.wpfoods.order.privacy.application.PersonalDataColumns.ORDER_CUSTOMER_NAME;
import static co.wpfoods.order.privacy.application.PersonalDataColumns.ORDER_CUSTOMER_USER_ID;
import static co.wpfoods.order.privacy.application.PersonalDataColumns.ORDER_CUSTOMER_WA_ID;
import static co.wpfoods.order.privacy.application.PersonalDataColumns.ORDER_DELIVERY_ADDRESS;
import static co.wpfoods.order.privacy.application.PersonalDataColumns.ORDER_DELIVERY_POINT;
import static co.wpfoods.order.privacy.application.PersonalDataColumns.ORDER_NOTES;

import co.wpfoods.order.catalog.domain.Cop;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.RestaurantId;
import co.wpfoods.order.ordering.application.ConcurrentOrderChangeException;
import co.wpfoods.order.ordering.application.Orders;
import co.wpfoods.order.ordering.domain.Actor;
import co.wpfoods.order.ordering.domain.Cancellation;
import co.wpfoods.order.ordering.domain.CancellationReason;
import co.wpfoods.order.ordering.domain.Customer;
import co.wpfoods.order.ordering.domain.DeliveryAddress;
import co.wpfoods.order.ordering.domain.HistoryEntry;
import co.wpfoods.order.ordering.domain.Order;
import co.wpfoods.order.ordering.domain.OrderId;
import co.wpfoods.order.ordering.domain.OrderLine;
import co.wpfoods.order.ordering.domain.OrderReference;
import co.wpfoods.order.ordering.domain.OrderStatus;
import co.wpfoods.order.ordering.domain.PaymentMethod;
import co.wpfoods.order.ordering.domain.Totals;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders in PostgreSQL: one row per order (lines as JSON: a snapshot that never changes), history rows. The customer's
 * key, number, name, delivery address and point, notes and the history's notes (staff and worker names) are stored
 * encrypted; the customer is found by the keyed hash of their key.
 */
@Repository
class JdbcOrders implements Orders {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<OrderLine>> LINES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    JdbcOrders(JdbcClient jdbc, PersonalDataCipher cipher, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public OrderReference nextReference() {
        return OrderReference.of(jdbc.sql("SELECT nextval('order_reference_seq')")
                .query(Long.class)
                .single());
    }

    @Override
    public void add(Order o) {
        jdbc.sql("""
                        INSERT INTO customer_order (id, reference, customer_key_hash, customer_key_enc, customer_wa_id_hash,
                          customer_wa_id_enc, customer_user_id_enc, customer_name_enc, restaurant_id, status, lines,
                          subtotal_cop, delivery_fee_cop, iva_cop, total_cop, payment_method, cash_change_for_cop,
                          delivery_address_enc, delivery_point_enc, notes_enc, delivery_pin, preparation_minutes, version,
                          placed_at, updated_at)
                        VALUES (:id, :reference, :keyHash, :key, :waIdHash, :waId, :userId, :name, :restaurant, :status,
                          CAST(:lines AS jsonb), :subtotal, :fee, :iva, :total, :payment, :change, :address, :point,
                          :notes, :pin, :prep, 0, :placedAt, :placedAt)
                        """)
                .param("id", o.id().value())
                .param("reference", o.reference().value())
                .param("keyHash", lookupHash.hash(o.customer().key()))
                .param("key", cipher.encrypt(o.customer().key(), ORDER_CUSTOMER_KEY))
                .param(
                        "waIdHash",
                        o.customer().waId() == null
                                ? null
                                : lookupHash.hash(o.customer().waId()))
                .param("waId", cipher.encrypt(o.customer().waId(), ORDER_CUSTOMER_WA_ID))
                .param("userId", cipher.encrypt(o.customer().userId(), ORDER_CUSTOMER_USER_ID))
                .param("name", cipher.encrypt(o.customer().name(), ORDER_CUSTOMER_NAME))
                .param("restaurant", o.restaurantId().value())
                .param("status", o.status().name())
                .param("lines", JSON.writeValueAsString(o.lines()))
                .param("subtotal", o.totals().subtotal().value())
                .param("fee", o.totals().deliveryFee().value())
                .param("iva", o.totals().iva().value())
                .param("total", o.totals().total().value())
                .param("payment", o.paymentMethod().name())
                .param(
                        "change",
                        o.cashChangeFor() == null ? null : o.cashChangeFor().value())
                .param(
                        "address",
                        cipher.encrypt(o.address() == null ? null : o.address().text(), ORDER_DELIVERY_ADDRESS))
                .param("point", cipher.encrypt(pointText(point(o)), ORDER_DELIVERY_POINT))
                .param("notes", cipher.encrypt(o.notes(), ORDER_NOTES))
                .param("pin", o.deliveryPin())
                .param("prep", o.preparationMinutes())
                .param("placedAt", Timestamp.from(o.placedAt()))
                .update();
        writeHistory(o, 0);
    }

    @Override
    public Order save(Order o) {
        int updated = jdbc.sql("""
                        UPDATE customer_order SET status = :status, preparation_minutes = :prep, estimated_ready_at = :readyAt,
                          cancel_reason = :reason, cancelled_by = :by, cancel_detail = :detail, rating = :rating,
                          version = version + 1, updated_at = now()
                        WHERE id = :id AND version = :version
                        """)
                .param("id", o.id().value())
                .param("version", o.version())
                .param("status", o.status().name())
                .param("prep", o.preparationMinutes())
                .param("readyAt", o.estimatedReadyAt() == null ? null : Timestamp.from(o.estimatedReadyAt()))
                .param(
                        "reason",
                        o.cancellation() == null
                                ? null
                                : o.cancellation().reason().name())
                .param(
                        "by",
                        o.cancellation() == null ? null : o.cancellation().by().name())
                .param(
                        "detail",
                        o.cancellation() == null ? null : o.cancellation().detail())
                .param("rating", o.rating())
                .update();
        if (updated == 0) {
            throw new ConcurrentOrderChangeException("order " + o.reference() + " was changed by someone else");
        }
        int stored = jdbc.sql("SELECT count(*) FROM customer_order_history WHERE order_id = :id")
                .param("id", o.id().value())
                .query(Integer.class)
                .single();
        writeHistory(o, stored);
        return find(o.id()).orElseThrow();
    }

    private void writeHistory(Order o, int from) {
        for (int i = from; i < o.history().size(); i++) {
            HistoryEntry h = o.history().get(i);
            jdbc.sql("""
                            INSERT INTO customer_order_history (order_id, position, status, at, actor, note_enc)
                            VALUES (:id, :position, :status, :at, :actor, :note)
                            """)
                    .param("id", o.id().value())
                    .param("position", i)
                    .param("status", h.status().name())
                    .param("at", Timestamp.from(h.at()))
                    .param("actor", h.actor().name())
                    .param("note", cipher.encrypt(h.note(), HISTORY_NOTE))
                    .update();
        }
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return jdbc.sql("SELECT * FROM customer_order WHERE id = :id")
                .param("id", id.value())
                .query(this::order)
                .optional();
    }

    @Override
    public Optional<Order> find(OrderReference reference) {
        return jdbc.sql("SELECT * FROM customer_order WHERE reference = :reference")
                .param("reference", reference.value())
                .query(this::order)
                .optional();
    }

    @Override
    public Optional<Order> lastOf(String customerKey) {
        return jdbc.sql("SELECT * FROM customer_order WHERE customer_key_hash = :key ORDER BY placed_at DESC LIMIT 1")
                .param("key", lookupHash.hash(customerKey))
                .query(this::order)
                .optional();
    }

    @Override
    public long placedSince(String customerKey, Instant since) {
        return jdbc.sql("SELECT count(*) FROM customer_order WHERE customer_key_hash = :key AND placed_at >= :since")
                .param("key", lookupHash.hash(customerKey))
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    @Override
    public List<Order> ofRestaurant(
            RestaurantId restaurant, OrderStatus status, Instant from, Instant to, int page, int size) {
        return jdbc.sql("""
                        SELECT * FROM customer_order
                        WHERE restaurant_id = :restaurant AND (CAST(:status AS text) IS NULL OR status = :status)
                          AND placed_at >= :from AND placed_at < :to
                        ORDER BY placed_at DESC, id LIMIT :size OFFSET :offset
                        """)
                .param("restaurant", restaurant.value())
                .param("status", status == null ? null : status.name())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("size", size)
                .param("offset", page * size)
                .query(this::order)
                .list();
    }

    @Override
    public void rememberPaymentLink(OrderId id, String url) {
        jdbc.sql("UPDATE customer_order SET payment_link = :url WHERE id = :id")
                .param("id", id.value())
                .param("url", url)
                .update();
    }

    private static GeoLocation point(Order o) {
        return o.address() == null ? null : o.address().point();
    }

    /** A point as one encrypted value: {@code "lat,lon"} (Java's shortest exact decimal for each). */
    private static String pointText(GeoLocation point) {
        return point == null ? null : point.latitude() + "," + point.longitude();
    }

    private static GeoLocation point(String text) {
        if (text == null) {
            return null;
        }
        int comma = text.indexOf(',');
        return new GeoLocation(
                Double.parseDouble(text.substring(0, comma)), Double.parseDouble(text.substring(comma + 1)));
    }

    private String clear(ResultSet rs, String column, String context) throws SQLException {
        return cipher.decrypt(rs.getBytes(column), context);
    }

    private Order order(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        List<HistoryEntry> history = jdbc.sql(
                        "SELECT status, at, actor, note_enc FROM customer_order_history WHERE order_id = :id ORDER BY position")
                .param("id", id)
                .query((h, n) -> new HistoryEntry(
                        OrderStatus.valueOf(h.getString("status")),
                        h.getTimestamp("at").toInstant(),
                        Actor.valueOf(h.getString("actor")),
                        cipher.decrypt(h.getBytes("note_enc"), HISTORY_NOTE)))
                .list();
        GeoLocation point = point(clear(rs, "delivery_point_enc", ORDER_DELIVERY_POINT));
        String address = clear(rs, "delivery_address_enc", ORDER_DELIVERY_ADDRESS);
        long change = rs.getLong("cash_change_for_cop");
        Cop cashChange = rs.wasNull() ? null : Cop.of(change);
        String reason = rs.getString("cancel_reason");
        Cancellation cancellation = reason == null
                ? null
                : new Cancellation(
                        CancellationReason.valueOf(reason),
                        Actor.valueOf(rs.getString("cancelled_by")),
                        rs.getString("cancel_detail"),
                        history.size() >= 2 ? history.get(history.size() - 2).status() : null);
        int rating = rs.getInt("rating");
        Integer stars = rs.wasNull() ? null : rating;
        Timestamp readyAt = rs.getTimestamp("estimated_ready_at");
        return new Order(
                new OrderId(id),
                new OrderReference(rs.getString("reference")),
                new Customer(
                        clear(rs, "customer_key_enc", ORDER_CUSTOMER_KEY),
                        clear(rs, "customer_wa_id_enc", ORDER_CUSTOMER_WA_ID),
                        clear(rs, "customer_user_id_enc", ORDER_CUSTOMER_USER_ID),
                        clear(rs, "customer_name_enc", ORDER_CUSTOMER_NAME)),
                new RestaurantId(rs.getString("restaurant_id")),
                OrderStatus.valueOf(rs.getString("status")),
                JSON.readValue(rs.getString("lines"), LINES),
                new Totals(
                        Cop.of(rs.getLong("subtotal_cop")),
                        Cop.of(rs.getLong("delivery_fee_cop")),
                        Cop.of(rs.getLong("iva_cop")),
                        Cop.of(rs.getLong("total_cop"))),
                PaymentMethod.valueOf(rs.getString("payment_method")),
                cashChange,
                address == null && point == null ? null : new DeliveryAddress(address, point),
                clear(rs, "notes_enc", ORDER_NOTES),
                rs.getString("delivery_pin"),
                rs.getInt("preparation_minutes"),
                readyAt == null ? null : readyAt.toInstant(),
                cancellation,
                stars,
                history,
                rs.getTimestamp("placed_at").toInstant(),
                rs.getLong("version"));
    }
}
