package co.wpfoods.dispatch.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.dispatch.delivery.application.DispatchOrders;
import co.wpfoods.dispatch.delivery.application.WorkerRoster;
import co.wpfoods.dispatch.delivery.domain.DispatchOrder;
import co.wpfoods.dispatch.delivery.domain.WorkerPrompt;
import co.wpfoods.dispatch.matching.domain.GeoPoint;
import co.wpfoods.dispatch.privacy.application.PersonalDataColumns;
import co.wpfoods.dispatch.worker.application.Workers;
import co.wpfoods.dispatch.worker.domain.Worker;
import co.wpfoods.dispatch.worker.domain.WorkerId;
import co.wpfoods.schemas.wa.WaId;
import co.wpfoods.security.crypto.Keysets;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.ReEncryptingColumns;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.privacy.PersonalDataScan;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ley 1581, personal data at rest: what dispatch-service keeps about rapitenderos and customers is in its tables only
 * as AES-256-GCM ciphertexts or keyed hashes, reads back in clear through the adapters, and moves to a new key after a
 * rotation. The service runs with a rotated keyset (an older key and a new primary), as after a 90-day rotation.
 */
@SpringBootTest
@EmbeddedInfra
class PersonalDataAtRestIT {

    static final String FIRST_KEYSET = Keysets.newPersonalDataKeyset();
    static final String ROTATED_KEYSET = Keysets.rotate(FIRST_KEYSET);

    @DynamicPropertySource
    static void rotatedKeys(DynamicPropertyRegistry registry) {
        registry.add("wpfoods.security.keys.personal-data", () -> ROTATED_KEYSET);
    }

    @Autowired
    Workers workers;

    @Autowired
    WorkerRoster roster;

    @Autowired
    DispatchOrders orders;

    @Autowired
    ReEncryptingColumns reEncrypting;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    LookupHash lookupHash;

    @Autowired
    DataSource dataSource;

    @Test
    void what_dispatch_keeps_of_a_rapitendero_and_a_customer_is_in_no_table_in_clear_and_reads_back_in_clear() {
        // given a registered rapitendero online at her location, with a trail and a question sent, and a customer's
        // order
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String workerId = "w-" + UUID.randomUUID();
        workers.add(new Worker(new WorkerId(workerId), "Yuliana Cárdenas", new WaId("573001112233"), true));
        roster.saveState(
                roster.lockState(workerId).withOnline(true).asConfirmed().located(new GeoPoint(4.7011, -74.0421), now),
                now);
        String orderId = "o-" + UUID.randomUUID();
        orders.addOrder(new DispatchOrder(
                orderId,
                "5521",
                "573204445566",
                "Lucía",
                "r-rest",
                "Arepas del Norte",
                "Carrera 11 # 93-40",
                new GeoPoint(4.6760, -74.0470),
                "chapinero",
                "Calle 93 # 11-27 Apto 501",
                new GeoPoint(4.6767, -74.0483),
                "3391",
                "CASH",
                42_000,
                null,
                DispatchOrder.Status.PLACED,
                null,
                false,
                null,
                false,
                now));
        roster.addLocation(workerId, orderId, new GeoPoint(4.6902, -74.0455), now, 50);
        roster.rememberPrompt(
                workerId,
                new WorkerPrompt("¿Entregaste a Lucía en Calle 93 # 11-27?", List.of("worker:delivered"), now));

        // when every table is read as plain SQL
        var scan = new PersonalDataScan(dataSource);

        // then no number, name, address or coordinate of theirs is there in clear
        assertThat(scan.holding(
                        "573001112233",
                        "Yuliana",
                        "573204445566",
                        "Lucía",
                        "Calle 93",
                        "4.7011",
                        "-74.0421",
                        "4.6767",
                        "-74.0483",
                        "4.6902"))
                .isEmpty();
        // the restaurant's pickup stays in clear (business data the batch reads in bulk)
        assertThat(scan.find("Carrera 11 # 93-40").get("Carrera 11 # 93-40")).containsKey("dispatch_order");
        // and the adapters read everything back: the worker found by the keyed hash of her number
        assertThat(workers.byNumber(new WaId("573001112233")))
                .hasValueSatisfying(w -> assertThat(w.name()).isEqualTo("Yuliana Cárdenas"));
        assertThat(roster.workerByNumber("573001112233"))
                .hasValueSatisfying(w -> assertThat(w.workerId()).isEqualTo(workerId));
        assertThat(roster.freeWorkers(now.minusSeconds(60), 2))
                .filteredOn(free -> free.workerId().equals(workerId))
                .singleElement()
                .satisfies(free -> assertThat(free.location()).isEqualTo(new GeoPoint(4.7011, -74.0421)));
        assertThat(orders.order(orderId)).hasValueSatisfying(o -> {
            assertThat(o.customerWaId()).isEqualTo("573204445566");
            assertThat(o.customerFirstName()).isEqualTo("Lucía");
            assertThat(o.deliveryAddress()).isEqualTo("Calle 93 # 11-27 Apto 501");
            assertThat(o.deliveryPoint()).isEqualTo(new GeoPoint(4.6767, -74.0483));
            assertThat(o.pickupPoint()).isEqualTo(new GeoPoint(4.6760, -74.0470));
        });
        assertThat(roster.locationHistory(orderId)).containsExactly(new GeoPoint(4.6902, -74.0455));
        assertThat(roster.lastPrompt(workerId))
                .hasValueSatisfying(p -> assertThat(p.text()).isEqualTo("¿Entregaste a Lucía en Calle 93 # 11-27?"));
    }

    @Test
    void after_a_key_rotation_rows_under_the_old_key_still_read_and_the_job_moves_them_to_the_new_key() {
        // given a rapitendero written under the key that was primary before the rotation
        var old = new PersonalDataCipher(FIRST_KEYSET);
        var jdbc = JdbcClient.create(dataSource);
        String workerId = "w-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO worker (id, name_enc, wa_id_hash, wa_id_enc) VALUES (:id, :name, :waHash, :wa)")
                .param("id", workerId)
                .param("name", old.encrypt("Hernán Ospina", PersonalDataColumns.WORKER_NAME))
                .param("waHash", lookupHash.hash("573118887766"))
                .param("wa", old.encrypt("573118887766", PersonalDataColumns.WORKER_WA_ID))
                .update();
        jdbc.sql("INSERT INTO worker_state (worker_id, confirmed, online, location_enc, located_at)"
                        + " VALUES (:id, true, true, :location, now())")
                .param("id", workerId)
                .param(
                        "location",
                        old.encrypt(PersonalDataColumns.point(4.6001, -74.0802), PersonalDataColumns.STATE_LOCATION))
                .update();
        assertThat(old.primaryKeyId()).isNotEqualTo(cipher.primaryKeyId());

        // then the service still reads them
        assertThat(roster.workerByNumber("573118887766"))
                .hasValueSatisfying(w -> assertThat(w.name()).isEqualTo("Hernán Ospina"));
        assertThat(roster.lockState(workerId).location()).isEqualTo(new GeoPoint(4.6001, -74.0802));
        assertThat(reEncrypting.remaining()).isGreaterThanOrEqualTo(3);

        // when the re-encryption job runs
        int moved = reEncrypting.run();

        // then nothing is left under the old key, every value is under the new primary, and it reads the same
        assertThat(moved).isGreaterThanOrEqualTo(3);
        assertThat(reEncrypting.remaining()).isZero();
        byte[][] row = jdbc.sql("SELECT w.name_enc, w.wa_id_enc, s.location_enc FROM worker w"
                        + " JOIN worker_state s ON s.worker_id = w.id WHERE w.id = :id")
                .param("id", workerId)
                .query((rs, i) -> new byte[][] {rs.getBytes(1), rs.getBytes(2), rs.getBytes(3)})
                .single();
        for (byte[] value : row) {
            assertThat(cipher.isUnderPrimaryKey(value)).isTrue();
        }
        assertThat(roster.worker(workerId)).hasValueSatisfying(w -> {
            assertThat(w.name()).isEqualTo("Hernán Ospina");
            assertThat(w.waId()).isEqualTo("573118887766");
        });
        assertThat(roster.lockState(workerId).location()).isEqualTo(new GeoPoint(4.6001, -74.0802));
    }
}
