package co.wpfoods.dispatch.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.dispatch.privacy.application.PersonalDataColumns;
import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.common.GeoPoint;
import co.wpfoods.schemas.orders.OrderPlaced;
import co.wpfoods.schemas.orders.PaymentMethod;
import co.wpfoods.schemas.wa.WaUser;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.privacy.ErasureTopic;
import co.wpfoods.testing.privacy.PersonalDataScan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
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

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    LookupHash lookupHash;

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
        jdbc.sql("INSERT INTO worker (id, name_enc, wa_id_hash, wa_id_enc) VALUES ('w-priv', :name, :waHash, :wa)")
                .param("name", cipher.encrypt("Camilo Rojas", PersonalDataColumns.WORKER_NAME))
                .param("waHash", lookupHash.hash("573009998877"))
                .param("wa", cipher.encrypt("573009998877", PersonalDataColumns.WORKER_WA_ID))
                .update();
        jdbc.sql("INSERT INTO worker_location (worker_id, order_id, point_enc, recorded_at)"
                        + " VALUES ('w-priv', :order, :point, now())")
                .param("order", orderId)
                .param(
                        "point",
                        cipher.encrypt(PersonalDataColumns.point(4.6612, -74.0598), PersonalDataColumns.TRAIL_POINT))
                .update();
        var scan = new PersonalDataScan(dataSource);
        // nothing of hers is in clear even before; she is held as her number's keyed hash and ciphertexts
        assertThat(scan.holding(waId, "Mariana", "Transversal 22 # 45-10", "4.6612"))
                .isEmpty();
        var hex = HexFormat.of();
        List<String> hers = new ArrayList<>(jdbc.sql("SELECT customer_wa_id_hash, customer_wa_id_enc,"
                        + " customer_first_name_enc, delivery_address_enc, delivery_point_enc"
                        + " FROM dispatch_order WHERE order_id = :id")
                .param("id", orderId)
                .query((rs, i) -> List.of(
                        hex.formatHex(rs.getBytes(1)),
                        hex.formatHex(rs.getBytes(2)),
                        hex.formatHex(rs.getBytes(3)),
                        hex.formatHex(rs.getBytes(4)),
                        hex.formatHex(rs.getBytes(5))))
                .single());
        assertThat(hers.getFirst()).isEqualTo(hex.formatHex(lookupHash.hash(waId)));
        hers.add(hex.formatHex(jdbc.sql("SELECT point_enc FROM worker_location WHERE order_id = :id")
                .param("id", orderId)
                .query(byte[].class)
                .single()));
        assertThat(scan.holding(hers.toArray(String[]::new))).hasSize(hers.size());

        // when her erasure is asked for
        try (var erasures = new ErasureTopic()) {
            String erasureId = erasures.request(waId, List.of(orderId), List.of("7788"));

            // then dispatch confirms, nothing of hers is left, and the order keeps its figures
            var confirmed = erasures.awaitConfirmation(erasureId, "dispatch-service", PATIENCE);
            assertThat(confirmed.getRowsAnonymized()).isEqualTo(1);
            assertThat(confirmed.getRowsDeleted()).isEqualTo(1);
            assertThat(scan.holding(waId, "Mariana", "Transversal 22 # 45-10", "4.6612"))
                    .isEmpty();
            assertThat(scan.holding(hers.toArray(String[]::new))).isEmpty();
            assertThat(jdbc.sql("SELECT total_cop FROM dispatch_order WHERE order_id = :id")
                            .param("id", orderId)
                            .query(Long.class)
                            .single())
                    .isEqualTo(35_000L);
            // the rapitendero is not the one forgotten
            byte[] workerName = jdbc.sql("SELECT name_enc FROM worker WHERE id = 'w-priv'")
                    .query(byte[].class)
                    .single();
            assertThat(cipher.decrypt(workerName, PersonalDataColumns.WORKER_NAME))
                    .isEqualTo("Camilo Rojas");
        }
    }
}
