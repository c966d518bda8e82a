package co.wpfoods.payment.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.orders.OrderDelivered;
import co.wpfoods.schemas.orders.OrderLine;
import co.wpfoods.schemas.orders.OrderPlaced;
import co.wpfoods.schemas.orders.PaymentMethod;
import co.wpfoods.schemas.wa.WaUser;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.privacy.ErasureTopic;
import co.wpfoods.testing.privacy.PersonalDataScan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Ley 1581 erasure in payment-service: a cash order is placed and delivered through {@code orders.order.v1} (payment,
 * ledger, receipt), then ErasureRequested arrives on the real topic; the payment stays for tax without the customer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfra
class PaymentErasureIT {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;

    @Autowired
    DataSource dataSource;

    @Autowired
    LookupHash lookupHash;

    @Test
    void after_an_erasure_the_paid_order_keeps_amount_iva_ledger_and_receipt_but_not_the_customer() throws Exception {
        // given Sofía paid an order in cash at the door
        String waId = "573169990555";
        String orderId = "o-" + UUID.randomUUID();
        publish(
                orderId,
                OrderPlaced.newBuilder()
                        .setOrderId(orderId)
                        .setReference("8899")
                        .setCustomer(WaUser.newBuilder()
                                .setWaId(waId)
                                .setProfileName("Sofía Cárdenas")
                                .build())
                        .setRestaurantId("r-priv")
                        .setRestaurantName("Fonda Privada")
                        .setLines(List.of(OrderLine.newBuilder()
                                .setItemId("pv-ajiaco")
                                .setName("Ajiaco")
                                .setQuantity(1)
                                .setUnitPriceCop(30_000)
                                .build()))
                        .setSubtotalCop(30_000)
                        .setDeliveryFeeCop(5_000)
                        .setTotalCop(35_000)
                        .setIvaCop(5_588L)
                        .setPaymentMethod(PaymentMethod.CASH)
                        .setCashChangeForCop(50_000L)
                        .setDeliveryAddress("Avenida Calle 26 # 68-35 Torre 2")
                        .setOccurredAt(Instant.now())
                        .build());
        publish(
                orderId,
                OrderDelivered.newBuilder()
                        .setOrderId(orderId)
                        .setRestaurantId("r-priv")
                        .setOccurredAt(Instant.now())
                        .build());
        var jdbc = JdbcClient.create(dataSource);
        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("SELECT count(*) FROM payment WHERE order_id = :id AND status = 'COMPLETED'")
                                .param("id", orderId)
                                .query(Integer.class)
                                .single()
                        == 1);
        var scan = new PersonalDataScan(dataSource);
        // her number is stored only encrypted and as a keyed hash, by which the erasure finds her payment
        String numberHash = HexFormat.of().formatHex(lookupHash.hash(waId));
        assertThat(scan.holding(numberHash)).isNotEmpty();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(scan.holding(waId)).isEmpty());
        var before = figures(jdbc, orderId);
        assertThat(before).containsEntry("amount", 35_000L).containsEntry("status", "COMPLETED");

        // when her erasure is asked for
        try (var erasures = new ErasureTopic()) {
            String erasureId = erasures.request(waId, List.of(orderId), List.of("8899"));

            // then payment-service confirms, nothing of hers is left, and the tax figures stay
            var confirmed = erasures.awaitConfirmation(erasureId, "payment-service", PATIENCE);
            assertThat(confirmed.getRowsAnonymized()).isEqualTo(1);
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(scan.holding(waId, "Sofía", "Cárdenas", "Avenida Calle 26 # 68-35"))
                            .isEmpty());
            assertThat(scan.holding(numberHash)).isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE order_id = :id AND customer_wa_id_enc IS NULL")
                            .param("id", orderId)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(figures(jdbc, orderId)).isEqualTo(before);
            assertThat(jdbc.sql("SELECT count(*) FROM receipt r JOIN payment p ON p.id = r.payment_id"
                                    + " WHERE p.order_id = :id")
                            .param("id", orderId)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    static Map<String, Object> figures(JdbcClient jdbc, String orderId) {
        return jdbc.sql("SELECT amount_cop, iva_cop, captured_cop, status FROM payment WHERE order_id = :id")
                .param("id", orderId)
                .query((rs, n) -> Map.<String, Object>of(
                        "amount", rs.getLong(1),
                        "iva", rs.getLong(2),
                        "captured", rs.getLong(3),
                        "status", rs.getString(4)))
                .single();
    }

    void publish(String key, SpecificRecord event) throws Exception {
        var record = new ProducerRecord<String, SpecificRecord>(Topics.Orders.ORDER, key, event);
        record.headers().add(Headers.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
    }
}
