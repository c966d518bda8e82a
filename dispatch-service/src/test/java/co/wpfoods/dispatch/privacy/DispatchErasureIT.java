package co.wpfoods.dispatch.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.common.GeoPoint;
import co.wpfoods.schemas.orders.OrderPlaced;
import co.wpfoods.schemas.orders.PaymentMethod;
import co.wpfoods.schemas.wa.WaUser;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.privacy.ErasureTopic;
import co.wpfoods.testing.privacy.PersonalDataScan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * Ley 1581 erasure in dispatch-service: an order reaches the read model through {@code orders.order.v1}, a worker's
 * trail to the door is recorded, then ErasureRequested arrives on the real topic; every table is scanned after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfra
class DispatchErasureIT {

    static final Duration PATIENCE = Duration.ofSeconds(45);

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;

    @Autowired
    DataSource dataSource;

    @Test
    void after_an_erasure_the_order_keeps_its_total_without_the_customers_number_name_address_or_trail()
            throws Exception {
        // given Mariana's order reached dispatch and a rapitendero's trail to her door was recorded
        String waId = "573159990777";
        String orderId = "o-" + UUID.randomUUID();
        var placed = OrderPlaced.newBuilder()
                .setOrderId(orderId)
                .setReference("7788")
                .setCustomer(WaUser.newBuilder()
                        .setWaId(waId)
                        .setProfileName("Mariana Quintero")
                        .build())
                .setRestaurantId("r-priv")
                .setLines(List.of())
                .setSubtotalCop(30_000)
                .setDeliveryFeeCop(5_000)
                .setTotalCop(35_000)
                .setPaymentMethod(PaymentMethod.CASH)
                .setDeliveryAddress("Transversal 22 # 45-10 Casa 3")
                .setDeliveryPoint(new GeoPoint(4.6612, -74.0598))
                .setRestaurantName("Fonda Privada")
                .setPickupAddress("Carrera 13 # 82-10")
                .setPickupPoint(new GeoPoint(4.66, -74.05))
                .setZone("chapinero")
                .setDeliveryPin("4821")
                .setOccurredAt(Instant.now())
                .build();
        var record = new ProducerRecord<String, SpecificRecord>(Topics.Orders.ORDER, orderId, placed);
        record.headers().add(Headers.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
        var jdbc = JdbcClient.create(dataSource);
        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("SELECT count(*) FROM dispatch_order WHERE order_id = :id")
                                .param("id", orderId)
                                .query(Integer.class)
                                .single()
                        == 1);
        jdbc.sql("INSERT INTO worker (id, name, wa_id) VALUES ('w-priv', 'Camilo Rojas', '573009998877')")
                .update();
        jdbc.sql("INSERT INTO worker_location (worker_id, order_id, latitude, longitude, recorded_at)"
                        + " VALUES ('w-priv', :order, 4.6612, -74.0598, now())")
                .param("order", orderId)
                .update();
        var scan = new PersonalDataScan(dataSource);
        assertThat(scan.holding(waId, "Mariana", "Transversal 22 # 45-10")).isNotEmpty();

        // when her erasure is asked for
        try (var erasures = new ErasureTopic()) {
            String erasureId = erasures.request(waId, List.of(orderId), List.of("7788"));

            // then dispatch confirms, nothing of hers is left, and the order keeps its figures
            var confirmed = erasures.awaitConfirmation(erasureId, "dispatch-service", PATIENCE);
            assertThat(confirmed.getRowsAnonymized()).isEqualTo(1);
            assertThat(confirmed.getRowsDeleted()).isEqualTo(1);
            assertThat(scan.holding(waId, "Mariana", "Transversal 22 # 45-10", "4.6612"))
                    .isEmpty();
            assertThat(jdbc.sql("SELECT total_cop FROM dispatch_order WHERE order_id = :id")
                            .param("id", orderId)
                            .query(Long.class)
                            .single())
                    .isEqualTo(35_000L);
            // the rapitendero is not the one forgotten
            assertThat(scan.find("Camilo Rojas").get("Camilo Rojas")).containsKey("worker");
        }
    }
}
