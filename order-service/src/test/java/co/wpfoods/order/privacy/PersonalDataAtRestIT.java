package co.wpfoods.order.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.order.catalog.application.RegisteringRestaurant;
import co.wpfoods.order.catalog.application.Restaurants;
import co.wpfoods.order.catalog.domain.Cop;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.OpeningHours;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.catalog.domain.StoreSettings;
import co.wpfoods.order.conversation.application.Conversations;
import co.wpfoods.order.conversation.domain.CustomerChat;
import co.wpfoods.order.conversation.domain.SavedAddress;
import co.wpfoods.order.ordering.application.Orders;
import co.wpfoods.order.ordering.domain.Customer;
import co.wpfoods.order.ordering.domain.DeliveryAddress;
import co.wpfoods.order.ordering.domain.Order;
import co.wpfoods.order.ordering.domain.OrderId;
import co.wpfoods.order.ordering.domain.OrderLine;
import co.wpfoods.order.ordering.domain.PaymentMethod;
import co.wpfoods.order.privacy.application.PersonalDataColumns;
import co.wpfoods.order.support.application.SupportQueue;
import co.wpfoods.schemas.wa.WaId;
import co.wpfoods.security.crypto.Keysets;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.crypto.ReEncryptingColumns;
import co.wpfoods.security.crypto.ReEncryptionJob.EncryptedColumn;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.privacy.PersonalDataScan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ley 1581, personal data at rest: what order-service keeps about customers and staff is in its tables only as
 * AES-256-GCM ciphertexts or keyed hashes, reads back in clear through the adapters, and moves to a new key after a
 * rotation. The service runs with a rotated keyset (an older key and a new primary), as after a 90-day rotation.
 */
@SpringBootTest(properties = {"wpfoods.order.ai.base-url=http://127.0.0.1:9", "wpfoods.order.listen=false"})
@EmbeddedInfra
class PersonalDataAtRestIT {

    static final Duration PATIENCE = Duration.ofSeconds(45);
    static final String FIRST_KEYSET = Keysets.newPersonalDataKeyset();
    static final String ROTATED_KEYSET = Keysets.rotate(FIRST_KEYSET);

    @DynamicPropertySource
    static void rotatedKeys(DynamicPropertyRegistry registry) {
        registry.add("wpfoods.security.keys.personal-data", () -> ROTATED_KEYSET);
    }

    @Autowired
    RegisteringRestaurant registering;

    @Autowired
    Restaurants restaurants;

    @Autowired
    Orders orders;

    @Autowired
    Conversations conversations;

    @Autowired
    SupportQueue support;

    @Autowired
    ReEncryptingColumns reEncrypting;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DataSource dataSource;

    @Test
    void phone_numbers_names_addresses_and_points_are_in_no_table_in_clear_and_read_back_through_the_service() {
        // given a restaurant with a staff number, and a customer with a conversation, an order and a ticket
        var restaurant = restaurant("573109998801");
        var person = new Person("573209998801", "Mariana Quintero", "Carrera 11 # 93-07 Apto 301", 4.67123, -74.05432);
        Order order = storeEverything(restaurant, person);

        // then every table read with plain SQL holds none of it (the outbox rows go once published)
        var scan = new PersonalDataScan(dataSource);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(scan.holding(
                                person.waId(),
                                "3209998801",
                                "573109998801",
                                "Mariana",
                                "Quintero",
                                "Carrera 11 # 93-07",
                                "4.67123",
                                "74.05432",
                                "timbre dañado"))
                        .isEmpty());

        // and the service reads it all back in clear, finding the person by the keyed hash of their number
        assertStillReads(restaurant, person, order);
    }

    @Test
    void after_a_key_rotation_old_rows_still_read_and_the_job_moves_every_one_to_the_new_key() {
        // given rows written before the rotation, under the first key (now an older key of the keyset)
        var restaurant = restaurant("573109998802");
        var person = new Person("573209998802", "Camilo Restrepo", "Calle 45 # 13-20", 4.63211, -74.06789);
        Order order = storeEverything(restaurant, person);
        var jdbc = JdbcClient.create(dataSource);
        var first = new PersonalDataCipher(FIRST_KEYSET);
        var current = new PersonalDataCipher(ROTATED_KEYSET);
        int written = 0;
        for (EncryptedColumn column : PersonalDataColumns.ALL) {
            written += underKey(jdbc, column, current, first);
        }
        // one staff number, a conversation (2), an order (6), its history note, a ticket (2): at least 12 values
        assertThat(written).isGreaterThanOrEqualTo(12);
        assertThat(reEncrypting.remaining()).isEqualTo((long) written);

        // then the service still reads them (the older key decrypts)
        assertStillReads(restaurant, person, order);

        // when the re-encryption job runs
        int moved = reEncrypting.run();

        // then every value is under the new primary key, reads the same, and nothing is left to move
        assertThat(moved).isEqualTo(written);
        assertThat(reEncrypting.remaining()).isZero();
        for (EncryptedColumn column : PersonalDataColumns.ALL) {
            assertThat(values(jdbc, column))
                    .allSatisfy(value -> assertThat(PersonalDataCipher.keyIdOf(value))
                            .isEqualTo(current.primaryKeyId())
                            .isNotEqualTo(first.primaryKeyId()));
        }
        assertStillReads(restaurant, person, order);
        assertThat(reEncrypting.run()).isZero();
    }

    record Person(String waId, String name, String address, double latitude, double longitude) {}

    Restaurant restaurant(String staffNumber) {
        return registering.register(new RegisteringRestaurant.Command(
                "Fonda Cifrada " + staffNumber.substring(9),
                List.of(new WaId(staffNumber)),
                "Calle 60 # 9-32",
                new GeoLocation(4.6486, -74.0636),
                "Chapinero",
                new StoreSettings(OpeningHours.ALWAYS, 3000, Cop.of(5000), 25, false)));
    }

    Order storeEverything(Restaurant restaurant, Person person) {
        return transaction.execute(tx -> {
            var chat = new CustomerChat();
            chat.name = person.name();
            chat.consentAt = Instant.now();
            chat.addresses.add(new SavedAddress("Casa", person.address(), person.latitude(), person.longitude()));
            conversations.save(person.waId(), chat);
            var draft = new Order.Draft(
                    new Customer(person.waId(), person.waId(), null, person.name()),
                    restaurant,
                    List.of(new OrderLine("x-1", "Ajiaco", 1, Cop.of(28_900), List.of(), null)),
                    PaymentMethod.CASH,
                    null,
                    new DeliveryAddress(person.address(), new GeoLocation(person.latitude(), person.longitude())),
                    "timbre dañado, llamar al " + person.waId());
            var placed = Order.place(draft, OrderId.newId(), orders.nextReference(), "4821", Instant.now())
                    .order();
            orders.add(placed);
            var confirmed =
                    orders.save(placed.confirm(20, "Doña Gloria", Instant.now()).order());
            support.open(person.waId(), confirmed.id().value(), SupportQueue.Kind.HELP, "Soy " + person.name());
            return confirmed;
        });
    }

    void assertStillReads(Restaurant restaurant, Person person, Order order) {
        assertThat(restaurants.staffedBy(restaurant.staff().getFirst())).contains(restaurant.id());
        assertThat(restaurants.find(restaurant.id()).orElseThrow().staff()).isEqualTo(restaurant.staff());
        var read = orders.find(order.id()).orElseThrow();
        assertThat(read.customer()).isEqualTo(new Customer(person.waId(), person.waId(), null, person.name()));
        assertThat(read.address().text()).isEqualTo(person.address());
        assertThat(read.address().point()).isEqualTo(new GeoLocation(person.latitude(), person.longitude()));
        assertThat(read.notes()).isEqualTo("timbre dañado, llamar al " + person.waId());
        assertThat(read.lastMovedBy()).isEqualTo("Doña Gloria");
        assertThat(orders.lastOf(person.waId()).orElseThrow().id()).isEqualTo(order.id());
        assertThat(orders.placedSince(person.waId(), Instant.now().minusSeconds(3600)))
                .isEqualTo(1L);
        var chat =
                transaction.execute(tx -> conversations.customer(person.waId()).orElseThrow());
        assertThat(chat.name).isEqualTo(person.name());
        assertThat(chat.addresses.getFirst().text()).isEqualTo(person.address());
        assertThat(conversations.language(person.waId())).contains("es");
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

    static List<byte[]> values(JdbcClient jdbc, EncryptedColumn column) {
        return jdbc.sql("SELECT " + column.column() + " FROM " + column.table() + " WHERE " + column.column()
                        + " IS NOT NULL")
                .query((rs, n) -> rs.getBytes(1))
                .list();
    }
}
