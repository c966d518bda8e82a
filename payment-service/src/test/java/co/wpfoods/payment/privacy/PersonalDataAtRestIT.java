package co.wpfoods.payment.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.payment.payment.application.Payments;
import co.wpfoods.payment.payment.domain.OrderId;
import co.wpfoods.payment.privacy.application.PersonalDataColumns;
import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.orders.OrderLine;
import co.wpfoods.schemas.orders.OrderPlaced;
import co.wpfoods.schemas.orders.PaymentMethod;
import co.wpfoods.schemas.wa.WaUser;
import co.wpfoods.security.crypto.Keysets;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.ReEncryptingColumns;
import co.wpfoods.security.crypto.ReEncryptionJob.EncryptedColumn;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.privacy.PersonalDataScan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ley 1581, personal data at rest: the customer's number is in payment-service's tables only as an AES-256-GCM
 * ciphertext and a keyed hash, reads back in clear, and moves to a new key after a rotation. The service runs with a
 * rotated keyset (an older key and a new primary), as after a 90-day rotation.
 */
@SpringBootTest
@EmbeddedInfra
class PersonalDataAtRestIT {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String FIRST_KEYSET = Keysets.newPersonalDataKeyset();
    static final String ROTATED_KEYSET = Keysets.rotate(FIRST_KEYSET);

    @DynamicPropertySource
    static void rotatedKeys(DynamicPropertyRegistry registry) {
        registry.add("wpfoods.security.keys.personal-data", () -> ROTATED_KEYSET);
    }

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;

    @Autowired
    Payments payments;

    @Autowired
    ReEncryptingColumns reEncrypting;

    @Autowired
    LookupHash lookupHash;

    @Autowired
    DataSource dataSource;

    @Test
    void the_customer_number_is_in_no_table_in_clear_and_reads_back_through_the_service() throws Exception {
        // given a cash order placed by a customer
        String waId = "573169991101";
        String orderId = placed(waId, "Julián Zapata");

        // then no table read with plain SQL holds the number (the outbox rows go once published)
        var scan = new PersonalDataScan(dataSource);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(scan.holding(waId, "3169991101", "Julián", "Zapata"))
                        .isEmpty());
        // but its keyed hash is there, so the erasure can find the payment
        String hash = HexFormat.of().formatHex(lookupHash.hash(waId));
        assertThat(scan.find(hash).get(hash)).containsOnlyKeys("payment");
        // and the service reads the number in clear
        assertThat(payments.byOrder(new OrderId(orderId))
                        .orElseThrow()
                        .order()
                        .customer()
                        .waId())
                .isEqualTo(waId);
    }

    @Test
    void after_a_key_rotation_old_rows_still_read_and_the_job_moves_every_one_to_the_new_key() throws Exception {
        // given a payment written before the rotation, under the first key (now an older key of the keyset)
        String waId = "573169991102";
        String orderId = placed(waId, "Lucía Mejía");
        var jdbc = JdbcClient.create(dataSource);
        var first = new PersonalDataCipher(FIRST_KEYSET);
        var current = new PersonalDataCipher(ROTATED_KEYSET);
        int written = 0;
        for (EncryptedColumn column : PersonalDataColumns.ALL) {
            written += underKey(jdbc, column, current, first);
        }
        assertThat(written).isPositive();
        assertThat(reEncrypting.remaining()).isEqualTo((long) written);

        // then the service still reads it (the older key decrypts)
        assertThat(payments.byOrder(new OrderId(orderId))
                        .orElseThrow()
                        .order()
                        .customer()
                        .waId())
                .isEqualTo(waId);

        // when the re-encryption job runs
        int moved = reEncrypting.run();

        // then every value is under the new primary key, reads the same, and nothing is left to move
        assertThat(moved).isEqualTo(written);
        assertThat(reEncrypting.remaining()).isZero();
        for (EncryptedColumn column : PersonalDataColumns.ALL) {
            assertThat(jdbc.sql("SELECT " + column.column() + " FROM " + column.table() + " WHERE " + column.column()
                                    + " IS NOT NULL")
                            .query((rs, n) -> rs.getBytes(1))
                            .list())
                    .allSatisfy(value ->
                            assertThat(PersonalDataCipher.keyIdOf(value)).isEqualTo(current.primaryKeyId()));
        }
        assertThat(payments.byOrder(new OrderId(orderId))
                        .orElseThrow()
                        .order()
                        .customer()
                        .waId())
                .isEqualTo(waId);
        assertThat(reEncrypting.run()).isZero();
    }

    String placed(String waId, String name) throws Exception {
        String orderId = "o-" + UUID.randomUUID();
        var record = new ProducerRecord<String, SpecificRecord>(
                Topics.Orders.ORDER,
                orderId,
                OrderPlaced.newBuilder()
                        .setOrderId(orderId)
                        .setReference(String.valueOf(9000 + Math.abs(orderId.hashCode() % 999)))
                        .setCustomer(WaUser.newBuilder()
                                .setWaId(waId)
                                .setProfileName(name)
                                .build())
                        .setRestaurantId("r-rest")
                        .setRestaurantName("Fonda en Reposo")
                        .setLines(List.of(OrderLine.newBuilder()
                                .setItemId("ajiaco")
                                .setName("Ajiaco")
                                .setQuantity(1)
                                .setUnitPriceCop(30_000)
                                .build()))
                        .setSubtotalCop(30_000)
                        .setDeliveryFeeCop(5_000)
                        .setTotalCop(35_000)
                        .setIvaCop(5_588L)
                        .setPaymentMethod(PaymentMethod.CASH)
                        .setDeliveryAddress("Calle 19 # 4-20")
                        .setOccurredAt(Instant.now())
                        .build());
        record.headers().add(Headers.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
        await().atMost(PATIENCE)
                .until(() -> payments.byOrder(new OrderId(orderId)).isPresent());
        return orderId;
    }

    /** Rewrites every value of the column under {@code to}, as it was before a rotation; returns how many. */
    static int underKey(JdbcClient jdbc, EncryptedColumn column, PersonalDataCipher from, PersonalDataCipher to) {
        record Row(Object id, byte[] value) {}
        var rows = jdbc.sql("SELECT " + column.idColumn() + " AS id, " + column.column() + " AS value FROM "
                        + column.table() + " WHERE " + column.column() + " IS NOT NULL")
                .query((rs, n) -> new Row(rs.getObject("id"), rs.getBytes("value")))
                .list();
        for (Row row : rows) {
            jdbc.sql("UPDATE " + column.table() + " SET " + column.column() + " = :value WHERE " + column.idColumn()
                            + " = :id")
                    .param("value", to.encrypt(from.decrypt(row.value(), column.context()), column.context()))
                    .param("id", row.id())
                    .update();
        }
        return rows.size();
    }
}
