package co.wpfoods.payment.payment.adapter.out.db;

import static co.wpfoods.payment.privacy.application.PersonalDataColumns.PAYMENT_CUSTOMER_USER_ID;
import static co.wpfoods.payment.privacy.application.PersonalDataColumns.PAYMENT_CUSTOMER_WA_ID;

import co.wpfoods.payment.payment.application.Page;
import co.wpfoods.payment.payment.application.Payments;
import co.wpfoods.payment.payment.domain.Cop;
import co.wpfoods.payment.payment.domain.Customer;
import co.wpfoods.payment.payment.domain.FailureReason;
import co.wpfoods.payment.payment.domain.Language;
import co.wpfoods.payment.payment.domain.OrderDetails;
import co.wpfoods.payment.payment.domain.OrderId;
import co.wpfoods.payment.payment.domain.OrderLine;
import co.wpfoods.payment.payment.domain.Payment;
import co.wpfoods.payment.payment.domain.PaymentId;
import co.wpfoods.payment.payment.domain.PaymentMethod;
import co.wpfoods.payment.payment.domain.PaymentStatus;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payments in payment-service's PostgreSQL (table {@code payment}, V1): the customer's number and Meta user id only
 * encrypted and as keyed hashes (V3).
 */
@Repository
class JdbcPayments implements Payments {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<OrderLine>> LINES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    JdbcPayments(JdbcClient jdbc, PersonalDataCipher cipher, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public void add(Payment p) {
        OrderDetails o = p.order();
        jdbc.sql("""
                        INSERT INTO payment (id, order_id, order_reference, restaurant_id, restaurant_name,
                            customer_wa_id_hash, customer_wa_id_enc, customer_user_id_hash, customer_user_id_enc, language, method, provider, status, amount_cop,
                            subtotal_cop, delivery_fee_cop, iva_cop, cash_change_for_cop, order_lines, deadline,
                            created_at, updated_at)
                        VALUES (:id, :orderId, :reference, :restaurantId, :restaurantName, :waIdHash, :waId, :userIdHash, :userId,
                            :language,
                            :method, :provider, :status, :amount, :subtotal, :deliveryFee, :iva, :cashChangeFor, :lines,
                            :deadline, :createdAt, :createdAt)
                        """)
                .param("id", p.id().value())
                .param("orderId", o.orderId().value())
                .param("reference", o.reference())
                .param("restaurantId", o.restaurantId())
                .param("restaurantName", o.restaurantName())
                .param("waIdHash", hash(o.customer().waId()))
                .param("waId", cipher.encrypt(o.customer().waId(), PAYMENT_CUSTOMER_WA_ID))
                .param("userIdHash", hash(o.customer().userId()))
                .param("userId", cipher.encrypt(o.customer().userId(), PAYMENT_CUSTOMER_USER_ID))
                .param("language", o.customer().language().code())
                .param("method", p.method().name())
                .param("provider", p.provider())
                .param("status", p.status().name())
                .param("amount", o.total().value())
                .param("subtotal", o.subtotal().value())
                .param("deliveryFee", o.deliveryFee().value())
                .param("iva", o.iva().value())
                .param(
                        "cashChangeFor",
                        o.cashChangeFor() == null ? null : o.cashChangeFor().value())
                .param("lines", JSON.writeValueAsString(o.lines()))
                .param("deadline", timestamp(p.deadline()))
                .param("createdAt", timestamp(p.createdAt()))
                .update();
    }

    @Override
    public void update(Payment p) {
        jdbc.sql("""
                        UPDATE payment SET status = :status, captured_cop = :captured, refunded_cop = :refunded,
                            refund_pending_cop = :pending, order_cancelled = :cancelled, checkout_session_id = :session,
                            checkout_url = :url, checkout_expires_at = :expiresAt,
                            payment_intent_id = COALESCE(:intent, payment_intent_id), failure_reason = :reason,
                            updated_at = now()
                        WHERE id = :id
                        """)
                .param("id", p.id().value())
                .param("status", p.status().name())
                .param("captured", p.captured().value())
                .param("refunded", p.refunded().value())
                .param("pending", p.refundPending().value())
                .param("cancelled", p.orderCancelled())
                .param("session", p.checkout() == null ? null : p.checkout().sessionId())
                .param("url", p.checkout() == null ? null : p.checkout().url())
                .param(
                        "expiresAt",
                        p.checkout() == null ? null : timestamp(p.checkout().expiresAt()))
                .param("intent", p.paymentIntentId())
                .param(
                        "reason",
                        p.failureReason() == null ? null : p.failureReason().name())
                .update();
    }

    @Override
    public Optional<Payment> find(PaymentId id) {
        return jdbc.sql("SELECT * FROM payment WHERE id = :id")
                .param("id", id.value())
                .query(this::payment)
                .optional();
    }

    @Override
    public Optional<Payment> lock(PaymentId id) {
        return jdbc.sql("SELECT * FROM payment WHERE id = :id FOR UPDATE")
                .param("id", id.value())
                .query(this::payment)
                .optional();
    }

    @Override
    public Optional<Payment> lockByOrder(OrderId orderId) {
        return jdbc.sql("SELECT * FROM payment WHERE order_id = :orderId FOR UPDATE")
                .param("orderId", orderId.value())
                .query(this::payment)
                .optional();
    }

    @Override
    public Optional<Payment> byOrder(OrderId orderId) {
        return jdbc.sql("SELECT * FROM payment WHERE order_id = :orderId")
                .param("orderId", orderId.value())
                .query(this::payment)
                .optional();
    }

    @Override
    public Optional<PaymentId> idByCheckoutSession(String sessionId) {
        return jdbc.sql("SELECT id FROM payment WHERE checkout_session_id = :session")
                .param("session", sessionId)
                .query((rs, row) -> new PaymentId(rs.getString("id")))
                .optional();
    }

    @Override
    public Optional<PaymentId> idByPaymentIntent(String paymentIntentId) {
        return jdbc.sql("SELECT id FROM payment WHERE payment_intent_id = :intent")
                .param("intent", paymentIntentId)
                .query((rs, row) -> new PaymentId(rs.getString("id")))
                .optional();
    }

    @Override
    public void rememberPaymentIntent(PaymentId id, String paymentIntentId) {
        jdbc.sql("UPDATE payment SET payment_intent_id = :intent WHERE id = :id AND payment_intent_id IS NULL")
                .param("id", id.value())
                .param("intent", paymentIntentId)
                .update();
    }

    @Override
    public Page<Payment> search(Query query) {
        var where = new ArrayList<String>();
        Map<String, Object> params = new HashMap<>();
        if (query.orderId() != null) {
            where.add("order_id = :orderId");
            params.put("orderId", query.orderId().value());
        }
        if (query.status() != null) {
            where.add("status = :status");
            params.put("status", query.status().name());
        }
        if (query.from() != null) {
            where.add("created_at >= :from");
            params.put("from", timestamp(query.from()));
        }
        if (query.to() != null) {
            where.add("created_at < :to");
            params.put("to", timestamp(query.to()));
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*) FROM payment" + filter)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());
        List<Payment> items = jdbc.sql(
                        "SELECT * FROM payment" + filter + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params)
                .query(this::payment)
                .list();
        return new Page<>(items, query.page(), query.size(), total);
    }

    @Override
    public List<Payment> createdBetween(String provider, Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM payment WHERE provider = :provider AND method = 'CARD'"
                        + " AND created_at >= :from AND created_at < :to ORDER BY created_at")
                .param("provider", provider)
                .param("from", timestamp(from))
                .param("to", timestamp(to))
                .query(this::payment)
                .list();
    }

    private byte[] hash(String value) {
        return value == null ? null : lookupHash.hash(value);
    }

    private Payment payment(ResultSet rs, int row) throws SQLException {
        Long change = rs.getObject("cash_change_for_cop", Long.class);
        var order = new OrderDetails(
                new OrderId(rs.getString("order_id")),
                rs.getString("order_reference"),
                rs.getString("restaurant_id"),
                rs.getString("restaurant_name"),
                new Customer(
                        cipher.decrypt(rs.getBytes("customer_wa_id_enc"), PAYMENT_CUSTOMER_WA_ID),
                        cipher.decrypt(rs.getBytes("customer_user_id_enc"), PAYMENT_CUSTOMER_USER_ID),
                        Language.of(rs.getString("language"))),
                JSON.readValue(rs.getString("order_lines"), LINES),
                Cop.of(rs.getLong("subtotal_cop")),
                Cop.of(rs.getLong("delivery_fee_cop")),
                Cop.of(rs.getLong("amount_cop")),
                Cop.of(rs.getLong("iva_cop")),
                change == null ? null : Cop.of(change));
        String session = rs.getString("checkout_session_id");
        String reason = rs.getString("failure_reason");
        return new Payment(
                new PaymentId(rs.getString("id")),
                order,
                PaymentMethod.valueOf(rs.getString("method")),
                rs.getString("provider"),
                PaymentStatus.valueOf(rs.getString("status")),
                Cop.of(rs.getLong("captured_cop")),
                Cop.of(rs.getLong("refunded_cop")),
                Cop.of(rs.getLong("refund_pending_cop")),
                rs.getBoolean("order_cancelled"),
                session == null
                        ? null
                        : new Payment.Checkout(
                                session, rs.getString("checkout_url"), instant(rs.getTimestamp("checkout_expires_at"))),
                rs.getString("payment_intent_id"),
                reason == null ? null : FailureReason.valueOf(reason),
                instant(rs.getTimestamp("deadline")),
                instant(rs.getTimestamp("created_at")));
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
