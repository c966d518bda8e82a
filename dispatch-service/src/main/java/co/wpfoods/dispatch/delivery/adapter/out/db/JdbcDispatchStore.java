package co.wpfoods.dispatch.delivery.adapter.out.db;

import co.wpfoods.dispatch.delivery.application.Deliveries;
import co.wpfoods.dispatch.delivery.application.DispatchOrders;
import co.wpfoods.dispatch.delivery.application.EarningsBook;
import co.wpfoods.dispatch.delivery.application.EarningsBook.EarningRow;
import co.wpfoods.dispatch.delivery.application.EarningsBook.PayoutRow;
import co.wpfoods.dispatch.delivery.application.OfferBook;
import co.wpfoods.dispatch.delivery.application.OpsDesk;
import co.wpfoods.dispatch.delivery.application.OpsDesk.AlertRow;
import co.wpfoods.dispatch.delivery.application.OpsDesk.ProblemRow;
import co.wpfoods.dispatch.delivery.application.WorkerRoster;
import co.wpfoods.dispatch.delivery.application.WorkerRoster.FreeWorkerRow;
import co.wpfoods.dispatch.delivery.domain.Delivery;
import co.wpfoods.dispatch.delivery.domain.DispatchOrder;
import co.wpfoods.dispatch.delivery.domain.Earning;
import co.wpfoods.dispatch.delivery.domain.Offer;
import co.wpfoods.dispatch.delivery.domain.WorkerProfile;
import co.wpfoods.dispatch.delivery.domain.WorkerPrompt;
import co.wpfoods.dispatch.delivery.domain.WorkerState;
import co.wpfoods.dispatch.matching.domain.GeoPoint;
import co.wpfoods.dispatch.matching.domain.Vehicle;
import co.wpfoods.dispatch.privacy.application.PersonalDataColumns;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Dispatch's tables (V2__dispatch.sql and after): the delivery ports over JDBC. Every method joins the caller's
 * transaction. Personal data is written encrypted and read decrypted here (V5__Encrypt_personal_data): the worker's
 * number (found by its keyed hash), name and locations, the customer's number, first name, address and point, and the
 * last question sent to a worker; the restaurant's pickup address and point stay in clear.
 */
@Repository
class JdbcDispatchStore implements DispatchOrders, WorkerRoster, OfferBook, Deliveries, EarningsBook, OpsDesk {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    JdbcDispatchStore(JdbcClient jdbc, PersonalDataCipher cipher, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    // ---- orders

    /** Stores the order once; false when it was already there (a replayed event). */
    @Override
    public boolean addOrder(DispatchOrder o) {
        return jdbc.sql("""
                INSERT INTO dispatch_order (order_id, reference, customer_wa_id_hash, customer_wa_id_enc,
                    customer_first_name_enc, restaurant_id, restaurant_name, pickup_address, pickup_latitude,
                    pickup_longitude, zone, delivery_address_enc, delivery_point_enc, delivery_pin, payment_method,
                    total_cop, cash_change_for_cop, status, placed_at)
                VALUES (:id, :ref, :customerHash, :customer, :firstName, :restaurantId, :restaurantName, :pickupAddress,
                    :pickupLat, :pickupLon, :zone, :deliveryAddress, :deliveryPoint, :pin, :payment, :total, :change,
                    :status, :placedAt)
                ON CONFLICT (order_id) DO NOTHING""")
                        .param("id", o.orderId())
                        .param("ref", o.reference())
                        .param("customerHash", o.customerWaId() == null ? null : lookupHash.hash(o.customerWaId()))
                        .param("customer", encrypt(o.customerWaId(), PersonalDataColumns.ORDER_CUSTOMER_WA_ID))
                        .param(
                                "firstName",
                                encrypt(o.customerFirstName(), PersonalDataColumns.ORDER_CUSTOMER_FIRST_NAME))
                        .param("restaurantId", o.restaurantId())
                        .param("restaurantName", o.restaurantName())
                        .param("pickupAddress", o.pickupAddress())
                        .param(
                                "pickupLat",
                                o.pickupPoint() == null ? null : o.pickupPoint().latitude())
                        .param(
                                "pickupLon",
                                o.pickupPoint() == null ? null : o.pickupPoint().longitude())
                        .param("zone", o.zone())
                        .param(
                                "deliveryAddress",
                                encrypt(o.deliveryAddress(), PersonalDataColumns.ORDER_DELIVERY_ADDRESS))
                        .param(
                                "deliveryPoint",
                                encryptPoint(o.deliveryPoint(), PersonalDataColumns.ORDER_DELIVERY_POINT))
                        .param("pin", o.deliveryPin())
                        .param("payment", o.paymentMethod())
                        .param("total", o.totalCop())
                        .param("change", o.cashChangeForCop())
                        .param("status", o.status().name())
                        .param("placedAt", ts(o.placedAt()))
                        .update()
                == 1;
    }

    @Override
    public Optional<DispatchOrder> lockOrder(String orderId) {
        return jdbc.sql("SELECT * FROM dispatch_order WHERE order_id = :id FOR UPDATE")
                .param("id", orderId)
                .query(this::orderRow)
                .optional();
    }

    @Override
    public Optional<DispatchOrder> order(String orderId) {
        return jdbc.sql("SELECT * FROM dispatch_order WHERE order_id = :id")
                .param("id", orderId)
                .query(this::orderRow)
                .optional();
    }

    @Override
    public void setStatus(String orderId, DispatchOrder.Status status) {
        jdbc.sql("UPDATE dispatch_order SET status = :status WHERE order_id = :id")
                .param("status", status.name())
                .param("id", orderId)
                .update();
    }

    /** Into the pool (again): the first time also starts the no-worker clock. */
    @Override
    public void pool(String orderId, Instant estimatedReadyAt, Instant now) {
        jdbc.sql("""
                UPDATE dispatch_order SET status = 'POOLED', pooled_at = coalesce(pooled_at, :now),
                    estimated_ready_at = coalesce(:ready, estimated_ready_at)
                WHERE order_id = :id""")
                .param("now", ts(now))
                .param("ready", ts(estimatedReadyAt))
                .param("id", orderId)
                .update();
    }

    @Override
    public void markReady(String orderId) {
        jdbc.sql("UPDATE dispatch_order SET ready = true WHERE order_id = :id")
                .param("id", orderId)
                .update();
    }

    @Override
    public void markDelayReported(String orderId) {
        jdbc.sql("UPDATE dispatch_order SET delay_reported = true WHERE order_id = :id")
                .param("id", orderId)
                .update();
    }

    /** Every pooled order, locked for this batch (another replica's batch skips them). */
    @Override
    public List<DispatchOrder> lockPool() {
        return jdbc.sql(
                        "SELECT * FROM dispatch_order WHERE status = 'POOLED' ORDER BY pooled_at FOR UPDATE SKIP LOCKED")
                .query(this::orderRow)
                .list();
    }

    // ---- workers

    @Override
    public Optional<WorkerProfile> workerByNumber(String waId) {
        return jdbc.sql("SELECT * FROM worker WHERE wa_id_hash = :waIdHash")
                .param("waIdHash", lookupHash.hash(waId))
                .query(this::profileRow)
                .optional();
    }

    @Override
    public Optional<WorkerProfile> worker(String workerId) {
        return jdbc.sql("SELECT * FROM worker WHERE id = :id")
                .param("id", workerId)
                .query(this::profileRow)
                .optional();
    }

    @Override
    public void setWorkerDetails(String workerId, Vehicle vehicle, String zone, Locale locale) {
        jdbc.sql("UPDATE worker SET vehicle = :vehicle, zone = :zone, language = :language WHERE id = :id")
                .param("vehicle", vehicle.name())
                .param("zone", zone)
                .param("language", locale.getLanguage())
                .param("id", workerId)
                .update();
    }

    /** Sets the worker's suspension; false when it already was so (nothing changed). */
    @Override
    public boolean setSuspended(String workerId, boolean suspended) {
        return jdbc.sql("UPDATE worker SET suspended = :s WHERE id = :id AND suspended <> :s")
                        .param("s", suspended)
                        .param("id", workerId)
                        .update()
                == 1;
    }

    @Override
    public void setLanguage(String workerId, Locale locale) {
        jdbc.sql("UPDATE worker SET language = :language WHERE id = :id")
                .param("language", locale.getLanguage())
                .param("id", workerId)
                .update();
    }

    /** The worker's state row, created on first use and locked: one message of a worker at a time. */
    @Override
    public WorkerState lockState(String workerId) {
        jdbc.sql("INSERT INTO worker_state (worker_id) VALUES (:id) ON CONFLICT (worker_id) DO NOTHING")
                .param("id", workerId)
                .update();
        return jdbc.sql("SELECT * FROM worker_state WHERE worker_id = :id FOR UPDATE")
                .param("id", workerId)
                .query(this::stateRow)
                .single();
    }

    @Override
    public void saveState(WorkerState s, Instant now) {
        jdbc.sql("""
                UPDATE worker_state SET confirmed = :confirmed, online = :online, awaiting = :awaiting,
                    awaiting_order = :awaitingOrder, location_enc = :location, located_at = :locatedAt,
                    updated_at = :now
                WHERE worker_id = :id""")
                .param("confirmed", s.confirmed())
                .param("online", s.online())
                .param("awaiting", s.awaiting().name())
                .param("awaitingOrder", s.awaitingOrder())
                .param("location", encryptPoint(s.location(), PersonalDataColumns.STATE_LOCATION))
                .param("locatedAt", ts(s.locatedAt()))
                .param("now", ts(now))
                .param("id", s.workerId())
                .update();
    }

    @Override
    public void startSession(String workerId, Instant now) {
        jdbc.sql("""
                INSERT INTO availability_session (worker_id, started_at) VALUES (:id, :now)
                ON CONFLICT (worker_id) WHERE ended_at IS NULL DO NOTHING""").param("id", workerId).param("now", ts(now)).update();
    }

    @Override
    public void endSession(String workerId, String reason, Instant now) {
        jdbc.sql("UPDATE availability_session SET ended_at = :now, end_reason = :reason"
                        + " WHERE worker_id = :id AND ended_at IS NULL")
                .param("id", workerId)
                .param("reason", reason)
                .param("now", ts(now))
                .update();
    }

    /**
     * Online, confirmed, active, located since the cut-off, no offer out and room for another delivery. The filter runs
     * in SQL on clear columns, so only the free workers' locations are decrypted: one AES-GCM open of a few bytes each.
     */
    @Override
    public List<FreeWorkerRow> freeWorkers(Instant locatedSince, int maxActiveDeliveries) {
        return jdbc.sql("""
                SELECT w.id, w.vehicle, w.zone, s.location_enc FROM worker w
                JOIN worker_state s ON s.worker_id = w.id
                WHERE w.active AND NOT w.suspended AND s.online AND s.confirmed
                  AND s.located_at >= :since
                  AND NOT EXISTS (SELECT 1 FROM offer f WHERE f.worker_id = w.id AND f.answer = 'PENDING')
                  AND (SELECT count(*) FROM delivery d WHERE d.worker_id = w.id
                       AND d.status IN ('ASSIGNED', 'PICKED_UP')) < :max
                ORDER BY w.id""")
                .param("since", ts(locatedSince))
                .param("max", maxActiveDeliveries)
                .query((rs, i) -> new FreeWorkerRow(
                        rs.getString("id"),
                        Vehicle.parse(rs.getString("vehicle")),
                        rs.getString("zone"),
                        decryptPoint(rs.getBytes("location_enc"), PersonalDataColumns.STATE_LOCATION)))
                .list();
    }

    /**
     * Online, confirmed, active, not suspended workers whose location is older than the cut-off and who were not asked
     * for it since then, locked (skipping rows a message is holding: they are asked next time).
     */
    @Override
    public List<String> lockWorkersToAskForLocation(Instant staleBefore) {
        return jdbc.sql("""
                SELECT s.worker_id FROM worker_state s JOIN worker w ON w.id = s.worker_id
                WHERE s.online AND s.confirmed AND w.active AND NOT w.suspended
                  AND (s.located_at IS NULL OR s.located_at < :stale)
                  AND (s.location_requested_at IS NULL OR s.location_requested_at <= :stale)
                ORDER BY s.worker_id
                FOR UPDATE OF s SKIP LOCKED""").param("stale", ts(staleBefore)).query(String.class).list();
    }

    @Override
    public void markLocationRequested(String workerId, Instant now) {
        jdbc.sql("UPDATE worker_state SET location_requested_at = :now WHERE worker_id = :id")
                .param("now", ts(now))
                .param("id", workerId)
                .update();
    }

    /** Keeps the last question sent to the worker (replacing the one before). */
    @Override
    public void rememberPrompt(String workerId, WorkerPrompt prompt) {
        jdbc.sql("""
                INSERT INTO worker_prompt (worker_id, prompt_enc, options, sent_at) VALUES (:w, :prompt, :options, :at)
                ON CONFLICT (worker_id) DO UPDATE SET prompt_enc = :prompt, options = :options, sent_at = :at""")
                .param("w", workerId)
                .param("prompt", cipher.encrypt(prompt.text(), PersonalDataColumns.PROMPT_TEXT))
                .param("options", String.join("\n", prompt.options()))
                .param("at", ts(prompt.sentAt()))
                .update();
    }

    @Override
    public Optional<WorkerPrompt> lastPrompt(String workerId) {
        return jdbc.sql("SELECT prompt_enc, options, sent_at FROM worker_prompt WHERE worker_id = :w")
                .param("w", workerId)
                .query((rs, i) -> new WorkerPrompt(
                        cipher.decrypt(rs.getBytes("prompt_enc"), PersonalDataColumns.PROMPT_TEXT),
                        rs.getString("options").isEmpty()
                                ? List.of()
                                : List.of(rs.getString("options").split("\n")),
                        rs.getTimestamp("sent_at").toInstant()))
                .optional();
    }

    @Override
    public void addLocation(String workerId, String orderId, GeoPoint at, Instant now, int keep) {
        jdbc.sql("INSERT INTO worker_location (worker_id, order_id, point_enc, recorded_at)"
                        + " VALUES (:w, :o, :point, :now)")
                .param("w", workerId)
                .param("o", orderId)
                .param("point", encryptPoint(at, PersonalDataColumns.TRAIL_POINT))
                .param("now", ts(now))
                .update();
        jdbc.sql("""
                DELETE FROM worker_location WHERE order_id = :o AND id NOT IN
                    (SELECT id FROM worker_location WHERE order_id = :o ORDER BY recorded_at DESC, id DESC LIMIT :keep)""").param("o", orderId).param("keep", keep).update();
    }

    @Override
    public List<GeoPoint> locationHistory(String orderId) {
        return jdbc.sql("SELECT point_enc FROM worker_location WHERE order_id = :o ORDER BY recorded_at, id")
                .param("o", orderId)
                .query((rs, i) -> decryptPoint(rs.getBytes("point_enc"), PersonalDataColumns.TRAIL_POINT))
                .list();
    }

    // ---- offers

    @Override
    public void addOffer(Offer offer) {
        jdbc.sql("""
                INSERT INTO offer (id, order_id, worker_id, sent_at, expires_at, distance_meters, estimated_pay_cop)
                VALUES (:id, :order, :worker, :sent, :expires, :distance, :pay)""")
                .param("id", offer.offerId())
                .param("order", offer.orderId())
                .param("worker", offer.workerId())
                .param("sent", ts(offer.sentAt()))
                .param("expires", ts(offer.expiresAt()))
                .param("distance", offer.distanceMeters())
                .param("pay", offer.estimatedPayCop())
                .update();
    }

    @Override
    public Optional<Offer> lockOffer(String offerId) {
        return jdbc.sql("SELECT * FROM offer WHERE id = :id FOR UPDATE")
                .param("id", offerId)
                .query(JdbcDispatchStore::offer)
                .optional();
    }

    @Override
    public Optional<Offer> pendingOfferOf(String workerId) {
        return jdbc.sql("SELECT * FROM offer WHERE worker_id = :w AND answer = 'PENDING'")
                .param("w", workerId)
                .query(JdbcDispatchStore::offer)
                .optional();
    }

    @Override
    public Optional<Offer> pendingOfferFor(String orderId) {
        return jdbc.sql("SELECT * FROM offer WHERE order_id = :o AND answer = 'PENDING'")
                .param("o", orderId)
                .query(JdbcDispatchStore::offer)
                .optional();
    }

    @Override
    public void answer(String offerId, Offer.Answer answer, Instant now) {
        jdbc.sql("UPDATE offer SET answer = :answer, answered_at = :now WHERE id = :id")
                .param("answer", answer.name())
                .param("now", ts(now))
                .param("id", offerId)
                .update();
    }

    /** Per pooled order, the workers who already had it (declined or let it expire). */
    @Override
    public Map<String, Set<String>> offeredBefore(List<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT order_id, worker_id FROM offer WHERE order_id IN (:ids)")
                .param("ids", orderIds)
                .query((rs, i) -> Map.entry(rs.getString("order_id"), rs.getString("worker_id")))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
    }

    // ---- deliveries

    @Override
    public void addDelivery(Delivery d, String offerId, Instant now) {
        jdbc.sql("""
                INSERT INTO delivery (order_id, worker_id, offer_id, status, assigned_at)
                VALUES (:o, :w, :offer, :status, :now)""")
                .param("o", d.orderId())
                .param("w", d.workerId())
                .param("offer", offerId)
                .param("status", d.status().name())
                .param("now", ts(now))
                .update();
    }

    @Override
    public Optional<Delivery> lockDelivery(String orderId) {
        return jdbc.sql("SELECT * FROM delivery WHERE order_id = :o FOR UPDATE")
                .param("o", orderId)
                .query(JdbcDispatchStore::delivery)
                .optional();
    }

    @Override
    public List<Delivery> activeDeliveriesOf(String workerId) {
        return jdbc.sql("SELECT * FROM delivery WHERE worker_id = :w AND status IN ('ASSIGNED', 'PICKED_UP')"
                        + " ORDER BY assigned_at")
                .param("w", workerId)
                .query(JdbcDispatchStore::delivery)
                .list();
    }

    @Override
    public void saveDelivery(Delivery d, Integer distanceMeters) {
        jdbc.sql("""
                UPDATE delivery SET status = :status, pin_attempts = :attempts, picked_up_at = :picked,
                    delivered_at = :delivered, distance_meters = coalesce(:distance, distance_meters)
                WHERE order_id = :o""")
                .param("status", d.status().name())
                .param("attempts", d.pinAttempts())
                .param("picked", ts(d.pickedUpAt()))
                .param("delivered", ts(d.deliveredAt()))
                .param("distance", distanceMeters)
                .param("o", d.orderId())
                .update();
    }

    // ---- earnings and payouts

    /** Books the delivery's earning once; false when it was already booked. */
    @Override
    public boolean bookEarning(String orderId, String workerId, Earning e, Instant at) {
        return jdbc.sql("""
                INSERT INTO earning (order_id, worker_id, base_cop, distance_cop, bonus_cop, gas_cop, total_cop, earned_at)
                VALUES (:o, :w, :base, :distance, :bonus, :gas, :total, :at) ON CONFLICT (order_id) DO NOTHING""")
                        .param("o", orderId)
                        .param("w", workerId)
                        .param("base", e.baseCop())
                        .param("distance", e.distanceCop())
                        .param("bonus", e.bonusCop())
                        .param("gas", e.gasCop())
                        .param("total", e.totalCop())
                        .param("at", ts(at))
                        .update()
                == 1;
    }

    @Override
    public List<EarningRow> earnings(String workerId, Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM earning WHERE worker_id = :w AND earned_at >= :from AND earned_at < :to"
                        + " ORDER BY earned_at, order_id")
                .param("w", workerId)
                .param("from", ts(from))
                .param("to", ts(to))
                .query((rs, i) -> new EarningRow(
                        rs.getString("order_id"),
                        rs.getString("worker_id"),
                        rs.getLong("base_cop"),
                        rs.getLong("distance_cop"),
                        rs.getLong("bonus_cop"),
                        rs.getLong("gas_cop"),
                        rs.getLong("total_cop"),
                        rs.getTimestamp("earned_at").toInstant(),
                        rs.getString("payout_id")))
                .list();
    }

    /** Marks every unpaid earning of the worker up to {@code upTo} as paid by a new payout; its amount, or 0. */
    @Override
    public long pay(String payoutId, String workerId, Instant upTo, String reference, Instant now) {
        long amount = jdbc.sql("SELECT coalesce(sum(total_cop), 0) FROM earning"
                        + " WHERE worker_id = :w AND payout_id IS NULL AND earned_at < :upTo")
                .param("w", workerId)
                .param("upTo", ts(upTo))
                .query(Long.class)
                .single();
        if (amount == 0) {
            return 0;
        }
        jdbc.sql(
                        "INSERT INTO payout (id, worker_id, amount_cop, reference, paid_at) VALUES (:id, :w, :amount, :ref, :now)")
                .param("id", payoutId)
                .param("w", workerId)
                .param("amount", amount)
                .param("ref", reference)
                .param("now", ts(now))
                .update();
        jdbc.sql("UPDATE earning SET payout_id = :id WHERE worker_id = :w AND payout_id IS NULL AND earned_at < :upTo")
                .param("id", payoutId)
                .param("w", workerId)
                .param("upTo", ts(upTo))
                .update();
        return amount;
    }

    @Override
    public List<PayoutRow> payouts(String workerId, int page, int size) {
        return jdbc.sql("SELECT * FROM payout WHERE worker_id = :w ORDER BY paid_at, id LIMIT :size OFFSET :offset")
                .param("w", workerId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> new PayoutRow(
                        rs.getString("id"),
                        rs.getString("worker_id"),
                        rs.getLong("amount_cop"),
                        rs.getString("reference"),
                        rs.getTimestamp("paid_at").toInstant()))
                .list();
    }

    // ---- ops

    @Override
    public void report(String workerId, String orderId, String kind, Instant now) {
        jdbc.sql("INSERT INTO problem_report (worker_id, order_id, kind, reported_at) VALUES (:w, :o, :k, :now)")
                .param("w", workerId)
                .param("o", orderId)
                .param("k", kind)
                .param("now", ts(now))
                .update();
    }

    @Override
    public List<ProblemRow> problems(boolean openOnly, int page, int size) {
        return jdbc.sql("SELECT * FROM problem_report" + (openOnly ? " WHERE resolved_at IS NULL" : "")
                        + " ORDER BY id LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> new ProblemRow(
                        rs.getLong("id"),
                        rs.getString("worker_id"),
                        rs.getString("order_id"),
                        rs.getString("kind"),
                        rs.getTimestamp("reported_at").toInstant(),
                        instant(rs.getTimestamp("resolved_at"))))
                .list();
    }

    @Override
    public boolean resolveProblem(long id, Instant now) {
        return jdbc.sql("UPDATE problem_report SET resolved_at = :now WHERE id = :id AND resolved_at IS NULL")
                        .param("now", ts(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    @Override
    public void alert(String kind, String orderId, String workerId, String detail, Instant now) {
        jdbc.sql("INSERT INTO ops_alert (kind, order_id, worker_id, detail, raised_at) VALUES (:k, :o, :w, :d, :now)")
                .param("k", kind)
                .param("o", orderId)
                .param("w", workerId)
                .param("d", detail)
                .param("now", ts(now))
                .update();
    }

    /** Acknowledges an open alert; false when unknown or already acknowledged. */
    @Override
    public boolean acknowledgeAlert(long id, Instant now) {
        return jdbc.sql("UPDATE ops_alert SET acknowledged_at = :now WHERE id = :id AND acknowledged_at IS NULL")
                        .param("now", ts(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    @Override
    public List<AlertRow> alerts(int page, int size) {
        return jdbc.sql("SELECT * FROM ops_alert WHERE acknowledged_at IS NULL ORDER BY id LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> new AlertRow(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("order_id"),
                        rs.getString("worker_id"),
                        rs.getString("detail"),
                        rs.getTimestamp("raised_at").toInstant()))
                .list();
    }

    @Override
    public boolean raining(String zone) {
        if (zone == null) {
            return false;
        }
        return jdbc.sql("SELECT raining FROM zone_condition WHERE zone = :z")
                .param("z", zone)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @Override
    public void setRaining(String zone, boolean raining, Instant now) {
        jdbc.sql("""
                INSERT INTO zone_condition (zone, raining, updated_at) VALUES (:z, :r, :now)
                ON CONFLICT (zone) DO UPDATE SET raining = :r, updated_at = :now""").param("z", zone).param("r", raining).param("now", ts(now)).update();
    }

    // ---- mapping

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private byte[] encrypt(String value, String context) {
        return value == null ? null : cipher.encrypt(value, context);
    }

    private String decrypt(byte[] value, String context) {
        return value == null ? null : cipher.decrypt(value, context);
    }

    private byte[] encryptPoint(GeoPoint point, String context) {
        return point == null
                ? null
                : cipher.encrypt(PersonalDataColumns.point(point.latitude(), point.longitude()), context);
    }

    private GeoPoint decryptPoint(byte[] value, String context) {
        if (value == null) {
            return null;
        }
        double[] point = PersonalDataColumns.parsePoint(cipher.decrypt(value, context));
        return new GeoPoint(point[0], point[1]);
    }

    private static GeoPoint point(ResultSet rs, String lat, String lon) throws SQLException {
        double latitude = rs.getDouble(lat);
        if (rs.wasNull()) {
            return null;
        }
        return new GeoPoint(latitude, rs.getDouble(lon));
    }

    private DispatchOrder orderRow(ResultSet rs, int row) throws SQLException {
        long change = rs.getLong("cash_change_for_cop");
        Long cashChange = rs.wasNull() ? null : change;
        return new DispatchOrder(
                rs.getString("order_id"),
                rs.getString("reference"),
                decrypt(rs.getBytes("customer_wa_id_enc"), PersonalDataColumns.ORDER_CUSTOMER_WA_ID),
                decrypt(rs.getBytes("customer_first_name_enc"), PersonalDataColumns.ORDER_CUSTOMER_FIRST_NAME),
                rs.getString("restaurant_id"),
                rs.getString("restaurant_name"),
                rs.getString("pickup_address"),
                point(rs, "pickup_latitude", "pickup_longitude"),
                rs.getString("zone"),
                decrypt(rs.getBytes("delivery_address_enc"), PersonalDataColumns.ORDER_DELIVERY_ADDRESS),
                decryptPoint(rs.getBytes("delivery_point_enc"), PersonalDataColumns.ORDER_DELIVERY_POINT),
                rs.getString("delivery_pin"),
                rs.getString("payment_method"),
                rs.getLong("total_cop"),
                cashChange,
                DispatchOrder.Status.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("estimated_ready_at")),
                rs.getBoolean("ready"),
                instant(rs.getTimestamp("pooled_at")),
                rs.getBoolean("delay_reported"),
                rs.getTimestamp("placed_at").toInstant());
    }

    private WorkerProfile profileRow(ResultSet rs, int row) throws SQLException {
        return new WorkerProfile(
                rs.getString("id"),
                cipher.decrypt(rs.getBytes("name_enc"), PersonalDataColumns.WORKER_NAME),
                cipher.decrypt(rs.getBytes("wa_id_enc"), PersonalDataColumns.WORKER_WA_ID),
                Vehicle.parse(rs.getString("vehicle")),
                rs.getString("zone"),
                Locale.forLanguageTag(rs.getString("language")),
                rs.getBoolean("active"),
                rs.getBoolean("suspended"));
    }

    private WorkerState stateRow(ResultSet rs, int row) throws SQLException {
        return new WorkerState(
                rs.getString("worker_id"),
                rs.getBoolean("confirmed"),
                rs.getBoolean("online"),
                WorkerState.Awaiting.valueOf(rs.getString("awaiting")),
                rs.getString("awaiting_order"),
                decryptPoint(rs.getBytes("location_enc"), PersonalDataColumns.STATE_LOCATION),
                instant(rs.getTimestamp("located_at")));
    }

    private static Offer offer(ResultSet rs, int row) throws SQLException {
        return new Offer(
                rs.getString("id"),
                rs.getString("order_id"),
                rs.getString("worker_id"),
                rs.getTimestamp("sent_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getInt("distance_meters"),
                rs.getLong("estimated_pay_cop"),
                Offer.Answer.valueOf(rs.getString("answer")));
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getString("order_id"),
                rs.getString("worker_id"),
                Delivery.Status.valueOf(rs.getString("status")),
                rs.getInt("pin_attempts"),
                instant(rs.getTimestamp("picked_up_at")),
                instant(rs.getTimestamp("delivered_at")));
    }
}
