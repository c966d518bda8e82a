package co.wpfoods.order.conversation;

import static co.wpfoods.order.conversation.AiStandIn.intent;
import static co.wpfoods.order.conversation.AiStandIn.item;
import static co.wpfoods.order.conversation.AiStandIn.items;
import static co.wpfoods.order.conversation.AiStandIn.modifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.order.catalog.application.ChangingStore;
import co.wpfoods.order.catalog.application.PublishingMenu;
import co.wpfoods.order.catalog.application.RegisteringRestaurant;
import co.wpfoods.order.catalog.application.Restaurants;
import co.wpfoods.order.catalog.domain.Cop;
import co.wpfoods.order.catalog.domain.CopDelta;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.MenuItem;
import co.wpfoods.order.catalog.domain.ModifierGroup;
import co.wpfoods.order.catalog.domain.OpeningHours;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.catalog.domain.StoreSettings;
import co.wpfoods.order.consent.application.Consents;
import co.wpfoods.order.marketing.application.WinningBackCustomers;
import co.wpfoods.order.ordering.application.Orders;
import co.wpfoods.order.ordering.domain.Customer;
import co.wpfoods.order.ordering.domain.DeliveryAddress;
import co.wpfoods.order.ordering.domain.Order;
import co.wpfoods.order.ordering.domain.OrderId;
import co.wpfoods.order.ordering.domain.OrderLine;
import co.wpfoods.order.ordering.domain.OrderReference;
import co.wpfoods.order.ordering.domain.OrderStatus;
import co.wpfoods.order.ordering.domain.PaymentMethod;
import co.wpfoods.order.support.application.SupportQueue;
import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.common.GeoPoint;
import co.wpfoods.schemas.dispatch.Delivered;
import co.wpfoods.schemas.dispatch.DeliveryFailed;
import co.wpfoods.schemas.dispatch.DeliveryFailureReason;
import co.wpfoods.schemas.dispatch.OfferSent;
import co.wpfoods.schemas.dispatch.PickedUp;
import co.wpfoods.schemas.orders.CancellationReason;
import co.wpfoods.schemas.orders.OrderCancelled;
import co.wpfoods.schemas.orders.OrderConfirmed;
import co.wpfoods.schemas.orders.OrderPlaced;
import co.wpfoods.schemas.payments.PaidWith;
import co.wpfoods.schemas.payments.PaymentCompleted;
import co.wpfoods.schemas.payments.PaymentFailed;
import co.wpfoods.schemas.payments.PaymentFailureReason;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.wa.OutboundKind;
import co.wpfoods.schemas.wa.WaId;
import co.wpfoods.security.consent.ConsentLedger.Decision;
import co.wpfoods.security.consent.ConsentPurpose;
import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scripted conversations through the real topics (embedded PostgreSQL, KRaft Kafka, the outbox relay), one Spring
 * context for all of them. Each customer has their own number so the conversations do not meet; restaurants whose
 * state a scenario changes are its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "wpfoods.order.restaurant-answer.timeout=15s",
            "wpfoods.order.restaurant-answer.reminder-after=7s",
            "wpfoods.order.payment-timeout=60s",
            "wpfoods.order.timers.polling-interval=500ms",
            "wpfoods.order.ai.breaker-open-for=1s",
            "wpfoods.order.ai.breaker-minimum-calls=3",
            "wpfoods.order.ai.breaker-window=3"
        })
@EmbeddedInfra
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderingByChatIT {

    static final AiStandIn AI = AiStandIn.start();
    static final MessagingStandIn MESSAGING = MessagingStandIn.start();
    static final String SERVICE_TOKEN = TestTokens.service();
    static final GeoLocation CHAPINERO = new GeoLocation(4.6495, -74.0625);

    @DynamicPropertySource
    static void aiService(DynamicPropertyRegistry registry) {
        registry.add("wpfoods.order.ai.base-url", AI::url);
        registry.add("wpfoods.order.messaging.base-url", MESSAGING::url);
        registry.add("wpfoods.order.messaging.bearer-token", () -> SERVICE_TOKEN.substring("Bearer ".length()));
    }

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    RegisteringRestaurant registering;

    @Autowired
    PublishingMenu publishing;

    @Autowired
    ChangingStore changingStore;

    @Autowired
    Restaurants restaurants;

    @Autowired
    Orders orders;

    @Autowired
    SupportQueue support;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Consents consents;

    @Autowired
    WinningBackCustomers winningBack;

    @Autowired
    JdbcClient jdbc;

    static Chat chat;
    static KafkaTestConsumer orderTopic;
    static Restaurant fonda;
    static Restaurant brasa;
    static Restaurant closed;
    static Restaurant paused;
    static int numbers = 1000;

    @BeforeAll
    static void listen() {
        orderTopic = new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), Topics.Orders.ORDER);
    }

    @AfterAll
    static void stop() {
        orderTopic.close();
        if (chat != null) {
            chat.close();
        }
    }

    @BeforeEach
    void restaurantsOnce() {
        AI.mode(AiStandIn.Mode.UP);
        if (chat != null) {
            return;
        }
        // the client warms up at start, in the background: the first free-text message must not pay for a cold one
        await("order-service's ai-service client warmed up at start")
                .atMost(Duration.ofSeconds(30))
                .until(() -> AI.warmUpsAnswered() >= 1);
        chat = new Chat(kafka);
        fonda = restaurant(
                "La Fonda Paisa",
                new GeoLocation(4.6486, -74.0636),
                "Chapinero",
                fondaMenu(),
                "573109990101",
                "573109990102");
        brasa = restaurant(
                "La Brasa Rola",
                new GeoLocation(4.6962, -74.0310),
                "Usaquén",
                List.of(
                        new MenuItem(
                                "br-burger",
                                "Hamburguesa clásica",
                                null,
                                "Hamburguesas",
                                Cop.of(22_900),
                                true,
                                List.of()),
                        new MenuItem(
                                "br-papas",
                                "Papas a la francesa",
                                null,
                                "Acompañantes",
                                Cop.of(8_000),
                                true,
                                List.of())),
                "573109990201");
        var tomorrow = ZonedDateTime.now(OpeningHours.BOGOTA).plusDays(1).getDayOfWeek();
        closed = restaurant(
                "Tamales Doña Rosa",
                new GeoLocation(4.6490, -74.0640),
                "Chapinero",
                List.of(new MenuItem(
                        "tm-tamal", "Tamal tolimense", null, "Desayunos", Cop.of(12_000), true, List.of())),
                "573109990301");
        changingStore.change(
                closed.id(),
                s -> new StoreSettings(
                        new OpeningHours(
                                List.of(new OpeningHours.Window(tomorrow, LocalTime.of(7, 0), LocalTime.of(8, 0)))),
                        3000,
                        Cop.of(4000),
                        20,
                        false));
        paused = restaurant(
                "Arepas La 60",
                new GeoLocation(4.6488, -74.0638),
                "Chapinero",
                List.of(new MenuItem("ar-arepa", "Arepa de choclo", null, "Arepas", Cop.of(9_000), true, List.of())),
                "573109990401");
        changingStore.change(paused.id(), s -> s.withPaused(true));
    }

    Restaurant restaurant(String name, GeoLocation where, String zone, List<MenuItem> menu, String... staff) {
        var r = registering.register(new RegisteringRestaurant.Command(
                name,
                java.util.Arrays.stream(staff).map(WaId::new).toList(),
                "Calle 60 # 9-32",
                where,
                zone,
                new StoreSettings(OpeningHours.ALWAYS, 3000, Cop.of(5000), 25, false)));
        publishing.publish(r.id(), true, menu);
        return r;
    }

    static List<MenuItem> fondaMenu() {
        var items = new ArrayList<MenuItem>();
        items.add(new MenuItem(
                "fp-bandeja",
                "Bandeja paisa",
                "Frijoles, arroz, chicharrón, huevo",
                "Platos fuertes",
                Cop.of(32_900),
                true,
                List.of(),
                List.of(
                        new MenuItem.Modifier("m-huevo", "Huevo extra", CopDelta.of(2_500)),
                        new MenuItem.Modifier("m-sin-cebolla", "Sin cebolla", CopDelta.ZERO))));
        items.add(new MenuItem(
                "fp-corrientazo",
                "Almuerzo ejecutivo del día",
                "Sopa, seco y jugo",
                "Almuerzos",
                Cop.of(16_900),
                true,
                List.of(new ModifierGroup("proteina", "Proteína", 1, 1)),
                List.of(
                        new MenuItem.Modifier("m-pollo", "Pechuga", CopDelta.ZERO, "proteina"),
                        new MenuItem.Modifier("m-res", "Carne de res", CopDelta.ZERO, "proteina"),
                        new MenuItem.Modifier("m-cerdo", "Chuleta de cerdo", CopDelta.of(1_500), "proteina"))));
        items.add(new MenuItem("fp-ajiaco", "Ajiaco santafereño", null, "Sopas", Cop.of(28_900), true, List.of()));
        items.add(new MenuItem("fp-limonada", "Limonada de coco", null, "Bebidas", Cop.of(9_000), true, List.of()));
        String[] more = {
            "Chicharrón",
            "Patacón",
            "Empanadas",
            "Arepa con queso",
            "Sancocho",
            "Mondongo",
            "Cazuela de frijoles",
            "Jugo de mora",
            "Arroz con leche",
            "Postre de natas"
        };
        for (int i = 0; i < more.length; i++) {
            items.add(new MenuItem(
                    "fp-x" + i,
                    more[i],
                    null,
                    i < 7 ? "Platos" : "Postres y jugos",
                    Cop.of(8_000 + i * 500),
                    true,
                    List.of()));
        }
        return items;
    }

    static String newNumber() {
        return "57300" + (5_000_000 + numbers++);
    }

    Chat.Person customer(String name) {
        return chat.customer(newNumber(), name);
    }

    /** First contact, consent and a shared location: the customer sees the restaurants near them. */
    Chat.Heard consentedNearChapinero(Chat.Person customer) {
        customer.says("hola");
        customer.taps(customer.hears(), "Acepto");
        assertThat(customer.hears().body()).contains("Gracias");
        assertThat(customer.hears().kind()).isEqualTo(OutboundKind.LOCATION_REQUEST);
        customer.sharesLocation(CHAPINERO.latitude(), CHAPINERO.longitude());
        return customer.hears();
    }

    /** From the restaurant list to a summary with one bandeja paid in cash. */
    Chat.Heard bandejaInCashSummary(Chat.Person customer) {
        var list = consentedNearChapinero(customer);
        customer.taps(list, "La Fonda Paisa");
        customer.taps(customer.hears(), "Bandeja paisa");
        assertThat(customer.hears().body()).contains("Agregué 1× Bandeja paisa");
        customer.taps(customer.hears(), "Pagar");
        customer.taps(customer.hears(), "Efectivo");
        return customer.hears();
    }

    String placedReference(Chat.Heard placed) {
        var m = java.util.regex.Pattern.compile("#(\\d+)").matcher(placed.body());
        assertThat(m.find()).as(placed.body()).isTrue();
        return m.group(1);
    }

    List<SpecificRecord> orderEvents(String orderId) {
        return orderTopic.poll().stream()
                .filter(r -> orderId.equals(r.key()))
                .map(r -> (SpecificRecord) AvroSerde.standard().decode(r.value()))
                .toList();
    }

    Order order(String reference) {
        return orders.find(new OrderReference(reference)).orElseThrow();
    }

    void publish(String topic, String key, SpecificRecord value) {
        var record = new ProducerRecord<String, SpecificRecord>(topic, key, value);
        record.headers().add(Headers.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Staff of La Fonda accept an order by its alert. */
    void fondaAccepts(String reference) {
        var gloria = chat.staff("573109990101", "Gloria");
        var alert = gloria.hearsAbout("#" + reference);
        gloria.taps(alert, "Aceptar");
    }

    // ------------------------------------------------------------------ scenarios

    @Test
    @org.junit.jupiter.api.Order(1)
    void a_new_customer_orders_lunch_by_taps_in_eight_messages_and_the_restaurant_is_alerted() {
        var laura = customer("Laura Martínez");

        laura.says("hola");
        var consent = laura.hears();
        assertThat(consent.body()).contains("Ley 1581");
        assertThat(consent.options()).containsExactly("Acepto", "No acepto");

        laura.taps(consent, "Acepto");
        assertThat(laura.hears().body()).isEqualTo("¡Gracias! Empecemos.");
        var askLocation = laura.hears();
        assertThat(askLocation.kind()).isEqualTo(OutboundKind.LOCATION_REQUEST);

        laura.sharesLocation(CHAPINERO.latitude(), CHAPINERO.longitude());
        var list = laura.hears();
        assertThat(list.options())
                .contains("La Fonda Paisa")
                .doesNotContain("La Brasa Rola", "Tamales Doña Rosa", "Arepas La 60");

        laura.taps(list, "La Fonda Paisa");
        var menu = laura.hears();
        assertThat(menu.body()).startsWith("Menú de La Fonda Paisa (1/2)");
        assertThat(menu.options()).hasSize(10).contains("Bandeja paisa", "Ver más");

        laura.taps(menu, "Bandeja paisa");
        assertThat(laura.hears().body()).isEqualTo("Agregué 1× Bandeja paisa 🛒");
        var cart = laura.hears();
        assertThat(cart.options()).containsExactly("Pagar", "Seguir pidiendo", "Ver carrito");

        laura.taps(cart, "Pagar");
        var payment = laura.hears();
        assertThat(payment.body()).contains("Calle 63 # 10-20").contains("¿Cómo pagas?");

        laura.taps(payment, "Efectivo");
        var summary = laura.hears();
        assertThat(summary.body())
                .contains("1× Bandeja paisa — $32.900")
                .contains("Domicilio: $5.000")
                .contains("Total: $37.900")
                .contains("IVA incluido: $6.051");
        assertThat(summary.options()).containsExactly("Confirmar", "Cambiar", "Cancelar");

        laura.taps(summary, "Confirmar");
        var placed = laura.hears();
        assertThat(placed.body()).contains("enviado a La Fonda Paisa").contains("PIN de entrega");
        assertThat(laura.sent).isEqualTo(8);

        String reference = placedReference(placed);
        var order = order(reference);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.customer().name()).isEqualTo("Laura Martínez");

        // the restaurant's two staff numbers get the alert with Accept / Reject and a template to fall back to
        for (String staff : List.of("573109990101", "573109990102")) {
            var alert = chat.staff(staff, "x").hearsAbout("#" + reference);
            assertThat(alert.body()).contains("1× Bandeja paisa").contains("Laura");
            assertThat(alert.options()).contains("Aceptar (25 min)", "Otro tiempo", "Rechazar");
            assertThat(alert.command().getFallbackTemplate().getName()).isEqualTo("nuevo_pedido_restaurante");
        }

        // and OrderPlaced carries the v2 fields
        var placedEvent = (OrderPlaced) await().atMost(Duration.ofSeconds(30))
                .until(() -> orderEvents(order.id().value()), l -> !l.isEmpty())
                .getFirst();
        assertThat(placedEvent.getReference()).isEqualTo(reference);
        assertThat(placedEvent.getTotalCop()).isEqualTo(37_900L);
        assertThat(placedEvent.getIvaCop()).isEqualTo(6_051L);
        assertThat(placedEvent.getRestaurantName()).isEqualTo("La Fonda Paisa");
        assertThat(placedEvent.getZone()).isEqualTo("Chapinero");
        assertThat(placedEvent.getPickupPoint().getLatitude()).isEqualTo(4.6486);
        assertThat(placedEvent.getDeliveryPin()).isEqualTo(order.deliveryPin());
        assertThat(placedEvent.getPreparationMinutes()).isEqualTo(25);
        assertThat(placedEvent.getLanguage()).isEqualTo("es");
        fondaAccepts(reference);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void a_customer_who_declines_the_privacy_notice_is_asked_again_and_nothing_is_ordered() {
        var pedro = customer("Pedro");

        pedro.says("buenas");
        pedro.taps(pedro.hears(), "No acepto");
        assertThat(pedro.hears().body()).contains("no guardamos nada");

        pedro.says("quiero pedir");
        assertThat(pedro.hears().options()).containsExactly("Acepto", "No acepto");
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void an_english_speaker_is_answered_in_english_and_can_switch_to_spanish() {
        var john = customer("John Smith");

        john.says("hi, I would like to order food please");
        var consent = john.hears();
        assertThat(consent.body()).contains("Law 1581");
        john.taps(consent, "I agree");
        assertThat(john.hears().body()).isEqualTo("Thanks! Let's start.");
        assertThat(john.hears().body()).startsWith("Where should we bring your food?");

        john.says("español por favor");
        assertThat(john.hears().body()).isEqualTo("Listo, te escribo en español.");
        assertThat(john.hears().body()).startsWith("¿Dónde te llevamos la comida?");
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void an_order_placed_in_english_carries_english_to_the_other_services() {
        var mary = customer("Mary Jones");
        mary.says("hi, I would like to order food please");
        mary.taps(mary.hears(), "I agree");
        assertThat(mary.hears().body()).isEqualTo("Thanks! Let's start.");
        mary.hears();
        mary.sharesLocation(CHAPINERO.latitude(), CHAPINERO.longitude());
        mary.taps(mary.hears(), "La Fonda Paisa");
        mary.taps(mary.hears(), "Bandeja paisa");
        assertThat(mary.hears().body()).isEqualTo("Added 1× Bandeja paisa 🛒");
        mary.taps(mary.hears(), "Checkout");
        mary.taps(mary.hears(), "Cash");

        mary.taps(mary.hears(), "Confirm");

        var placed = mary.hears();
        assertThat(placed.body()).contains("sent to La Fonda Paisa");
        String reference = placedReference(placed);
        var placedEvent = (OrderPlaced) await().atMost(Duration.ofSeconds(30))
                .until(() -> orderEvents(order(reference).id().value()), l -> !l.isEmpty())
                .getFirst();
        assertThat(placedEvent.getLanguage()).isEqualTo("en");
        fondaAccepts(reference);
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void an_order_in_free_text_becomes_cart_lines_with_quantities_modifiers_and_notes() {
        var camila = customer("Camila");
        consentedNearChapinero(camila);
        AI.answer(
                "dos bandejas con huevo extra sin frijoles y una limonada de coco",
                intent(
                        "add_to_cart",
                        0.9,
                        items(
                                item(
                                        fonda.id().value(),
                                        "fp-bandeja",
                                        "Bandeja paisa",
                                        2,
                                        modifier("m-huevo", "huevo extra"),
                                        modifier(null, "sin frijoles")),
                                item(fonda.id().value(), "fp-limonada", "Limonada de coco", 1))));

        camila.says("dos bandejas con huevo extra sin frijoles y una limonada de coco");

        assertThat(camila.hears().body())
                .isEqualTo("Agregué 2× Bandeja paisa (Huevo extra) [sin frijoles], 1× Limonada de coco 🛒");
        assertThat(camila.hears().body()).isEqualTo("Llevas 3 productos: $79.800. ¿Qué sigue?");
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void an_item_that_is_not_on_the_menu_gets_a_clear_answer_and_the_menu() {
        var andres = customer("Andrés");
        var list = consentedNearChapinero(andres);
        andres.taps(list, "La Fonda Paisa");
        andres.hears();
        AI.answer("quiero sushi", intent("add_to_cart", 0.8, items()));

        andres.says("quiero sushi");

        assertThat(andres.hears().body()).startsWith("No encontré eso en el menú");
        assertThat(andres.hears().body()).startsWith("Menú de La Fonda Paisa");
    }

    @Test
    @org.junit.jupiter.api.Order(6)
    void an_item_with_a_required_choice_asks_for_it_before_going_into_the_cart() {
        var sofia = customer("Sofía");
        var list = consentedNearChapinero(sofia);
        sofia.taps(list, "La Fonda Paisa");
        var menu = sofia.hears();

        sofia.taps(menu, "Almuerzo ejecutivo del");
        var choice = sofia.hears();
        assertThat(choice.body()).isEqualTo("Elige Proteína para Almuerzo ejecutivo del día:");
        assertThat(choice.options()).containsExactly("Pechuga", "Carne de res", "Chuleta de cerdo");

        sofia.taps(choice, "Chuleta de cerdo");
        assertThat(sofia.hears().body()).isEqualTo("Agregué 1× Almuerzo ejecutivo del día (Chuleta de cerdo) 🛒");
        assertThat(sofia.hears().body()).contains("$18.400");
    }

    @Test
    @org.junit.jupiter.api.Order(7)
    void a_long_menu_is_paged_within_metas_ten_rows() {
        var diego = customer("Diego");
        diego.taps(consentedNearChapinero(diego), "La Fonda Paisa");
        var first = diego.hears();
        assertThat(first.options()).hasSize(10);

        diego.taps(first, "Ver más");
        var second = diego.hears();
        assertThat(second.body()).startsWith("Menú de La Fonda Paisa (2/2)");
        assertThat(second.options()).contains("Postre de natas").doesNotContain("Bandeja paisa", "Ver más");
    }

    @Test
    @org.junit.jupiter.api.Order(8)
    void the_cart_can_be_viewed_changed_and_emptied() {
        var valentina = customer("Valentina");
        valentina.taps(consentedNearChapinero(valentina), "La Fonda Paisa");
        valentina.taps(valentina.hears(), "Bandeja paisa");
        valentina.hears();
        valentina.taps(valentina.hears(), "Ver carrito");
        var cart = valentina.hears();
        assertThat(cart.body()).contains("• 1× Bandeja paisa — $32.900");

        valentina.taps(cart, "Cambiar carrito");
        valentina.taps(valentina.hears(), "Bandeja paisa");
        valentina.taps(valentina.hears(), "+1");
        assertThat(valentina.hears().body()).contains("• 2× Bandeja paisa — $65.800");

        valentina.tapsId("cart:clear", "Vaciar carrito", true);
        assertThat(valentina.hears().body()).isEqualTo("Vacié tu carrito.");
        assertThat(valentina.hears().body()).startsWith("Menú de La Fonda Paisa");
    }

    @Test
    @org.junit.jupiter.api.Order(9)
    void switching_restaurants_asks_before_discarding_the_cart() {
        var mateo = customer("Mateo");
        mateo.taps(consentedNearChapinero(mateo), "La Fonda Paisa");
        mateo.taps(mateo.hears(), "Ajiaco");
        mateo.hears();
        mateo.hears();
        AI.answer(
                "una hamburguesa de la brasa",
                intent("add_to_cart", 0.9, items(item(brasa.id().value(), "br-burger", "Hamburguesa clásica", 1))));

        mateo.says("una hamburguesa de la brasa");
        var ask = mateo.hears();
        assertThat(ask.body()).isEqualTo("Tu carrito es de La Fonda Paisa. ¿Lo vacío para pedir en La Brasa Rola?");

        mateo.taps(ask, "No, seguir");
        assertThat(mateo.hears().body()).contains("1× Ajiaco santafereño");
        mateo.says("una hamburguesa de la brasa");
        mateo.taps(mateo.hears(), "Sí, vaciar");
        assertThat(mateo.hears().body()).isEqualTo("Agregué 1× Hamburguesa clásica 🛒");
    }

    @Test
    @org.junit.jupiter.api.Order(10)
    void an_item_switched_off_while_in_the_cart_is_removed_at_checkout_and_a_changed_price_is_shown() {
        var sopas = restaurant(
                "Sopas de la Abuela",
                new GeoLocation(4.6489, -74.0629),
                "Chapinero",
                List.of(
                        new MenuItem(
                                "sa-ajiaco", "Ajiaco de la abuela", null, "Sopas", Cop.of(25_000), true, List.of()),
                        new MenuItem("sa-cuchuco", "Cuchuco de trigo", null, "Sopas", Cop.of(20_000), true, List.of())),
                "573109990501");
        var lucia = customer("Lucía");
        lucia.taps(consentedNearChapinero(lucia), "Sopas de la Abuela");
        var menu = lucia.hears();
        lucia.taps(menu, "Ajiaco de la abuela");
        lucia.hears();
        lucia.taps(lucia.hears(), "Seguir pidiendo");
        lucia.taps(lucia.hears(), "Cuchuco de trigo");
        lucia.hears();
        var cart = lucia.hears();

        // the restaurant runs out of ajiaco and raises the cuchuco
        publishing.publish(
                sopas.id(),
                true,
                List.of(
                        new MenuItem(
                                "sa-ajiaco", "Ajiaco de la abuela", null, "Sopas", Cop.of(25_000), false, List.of()),
                        new MenuItem(
                                "sa-cuchuco", "Cuchuco de trigo", null, "Sopas", Cop.of(21_000), true, List.of())));

        lucia.taps(cart, "Pagar");
        assertThat(lucia.hears().body()).isEqualTo("Quité Ajiaco de la abuela: ya no está disponible.");
        assertThat(lucia.hears().body()).isEqualTo("Cambiaron precios: Cuchuco de trigo ahora cuesta $21.000.");
        lucia.taps(lucia.hears(), "Efectivo");
        assertThat(lucia.hears().body())
                .contains("1× Cuchuco de trigo — $21.000")
                .doesNotContain("Ajiaco");
    }

    @Test
    @org.junit.jupiter.api.Order(11)
    void a_closed_restaurant_says_when_it_opens_and_a_paused_one_takes_no_orders() {
        var tomas = customer("Tomás");
        consentedNearChapinero(tomas);

        tomas.tapsId("rest:" + closed.id().value(), "Tamales Doña Rosa", true);
        var closedAnswer = tomas.hears();
        assertThat(closedAnswer.body()).startsWith("Tamales Doña Rosa está cerrado ahora. Abre a las 7:00");
        assertThat(closedAnswer.options()).contains("Otros restaurantes");

        tomas.tapsId("rest:" + paused.id().value(), "Arepas La 60", true);
        assertThat(tomas.hears().body()).isEqualTo("Arepas La 60 no está recibiendo pedidos en este momento.");
    }

    @Test
    @org.junit.jupiter.api.Order(12)
    void an_address_outside_the_restaurants_radius_is_refused_with_a_way_forward() {
        var elena = customer("Elena");
        consentedNearChapinero(elena);
        AI.answer(
                "una hamburguesa clásica",
                intent("add_to_cart", 0.9, items(item(brasa.id().value(), "br-burger", "Hamburguesa clásica", 1))));
        elena.says("una hamburguesa clásica");
        elena.hears();

        elena.taps(elena.hears(), "Pagar");

        var refused = elena.hears();
        assertThat(refused.body())
                .startsWith("La Brasa Rola no llega hasta allá")
                .contains("entrega hasta 3.0 km");
        assertThat(refused.options()).containsExactly("Otra dirección", "Otros restaurantes");
    }

    @Test
    @org.junit.jupiter.api.Order(13)
    void a_typed_address_is_placed_on_the_map_and_confirmed_before_use() {
        var nicolas = customer("Nicolás");
        nicolas.says("hola");
        nicolas.taps(nicolas.hears(), "Acepto");
        nicolas.hears();
        nicolas.hears();
        AI.answer("Calle 63 # 10-20", intent("unknown", 0.3, AiStandIn.address("calle", "63", "10", "20")));

        nicolas.says("Calle 63 # 10-20");
        var confirm = nicolas.hears();
        assertThat(confirm.body()).isEqualTo("¿Es esta la dirección?\nCalle 63 # 10-20");

        nicolas.taps(confirm, "Sí, es esa");
        assertThat(nicolas.hears().options()).contains("La Fonda Paisa");
    }

    @Test
    @org.junit.jupiter.api.Order(14)
    void a_second_tap_on_confirm_creates_no_second_order() {
        var ana = customer("Ana");
        var summary = bandejaInCashSummary(ana);

        ana.taps(summary, "Confirmar");
        String reference = placedReference(ana.hears());
        ana.taps(summary, "Confirmar");

        assertThat(ana.hears().body())
                .isEqualTo("El pedido #" + reference + " ya está esperando que el restaurante lo acepte.");
        assertThat(orders.placedSince(ana.waId, Instant.now().minusSeconds(600)))
                .isEqualTo(1);
        fondaAccepts(reference);
    }

    @Test
    @org.junit.jupiter.api.Order(15)
    void a_tap_on_an_old_summary_after_the_cart_changed_changes_nothing() {
        var jorge = customer("Jorge");
        var oldSummary = bandejaInCashSummary(jorge);
        jorge.taps(oldSummary, "Cambiar");
        jorge.taps(jorge.hears(), "Notas");
        assertThat(jorge.hears().body()).startsWith("Escribe tus notas para el restaurante");
        jorge.says("sin cubiertos por favor");
        var newSummary = jorge.hears();
        assertThat(newSummary.body()).contains("📝 sin cubiertos por favor");

        jorge.taps(oldSummary, "Confirmar");

        assertThat(jorge.hears().body()).isEqualTo("Ese resumen ya cambió. Este es el actual:");
        assertThat(jorge.hears().options()).containsExactly("Confirmar", "Cambiar", "Cancelar");
        assertThat(orders.placedSince(jorge.waId, Instant.now().minusSeconds(600)))
                .isZero();
    }

    @Test
    @org.junit.jupiter.api.Order(16)
    void a_kafka_redelivery_of_a_message_has_no_second_effect() {
        var marta = customer("Marta");
        var hola = marta.says("hola");

        marta.send(hola, "evt-" + hola.getMessageId());
        marta.says("hola otra vez");

        var first = marta.hears();
        var second = marta.hears();
        assertThat(first.options()).containsExactly("Acepto", "No acepto");
        assertThat(second.options()).containsExactly("Acepto", "No acepto");
        assertThat(first.command().getCommandId()).isNotEqualTo(second.command().getCommandId());
        marta.heardNothingElse();
    }

    @Test
    @org.junit.jupiter.api.Order(17)
    void a_pending_order_is_cancelled_by_the_customer_and_the_restaurant_is_told() {
        var carlos = customer("Carlos");
        carlos.taps(bandejaInCashSummary(carlos), "Confirmar");
        var placed = carlos.hears();
        String reference = placedReference(placed);

        carlos.taps(placed, "Cancelar pedido");
        carlos.taps(carlos.hears(), "Sí, cancelar");

        assertThat(carlos.hears().body()).isEqualTo("Cancelaste el pedido #" + reference + ".");
        assertThat(chat.staff("573109990101", "Gloria")
                        .hearsAbout("❌ Pedido #" + reference)
                        .body())
                .contains("lo canceló el cliente");
        var cancelled = (OrderCancelled) await().atMost(Duration.ofSeconds(30))
                .until(() -> orderEvents(order(reference).id().value()), l -> l.size() == 2)
                .get(1);
        assertThat(cancelled.getReason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST);
        assertThat(cancelled.getCancelledBy().name()).isEqualTo("CUSTOMER");
        assertThat(cancelled.getPreviousStatus()).isEqualTo("PENDING");
    }

    @Test
    @org.junit.jupiter.api.Order(18)
    void cancelling_once_the_restaurant_is_preparing_is_too_late_and_says_who_to_ask() {
        var paula = customer("Paula");
        paula.taps(bandejaInCashSummary(paula), "Confirmar");
        var placed = paula.hears();
        String reference = placedReference(placed);
        fondaAccepts(reference);
        assertThat(paula.hears().body()).startsWith("🎉 La Fonda Paisa aceptó tu pedido #" + reference);
        var gloria = chat.staff("573109990101", "Gloria");
        gloria.taps(gloria.hearsAbout("✅ Pedido #" + reference), "Preparando");
        assertThat(paula.hears().body()).isEqualTo("👩‍🍳 Están preparando tu pedido #" + reference + ".");

        paula.taps(placed, "Cancelar pedido");

        var tooLate = paula.hears();
        assertThat(tooLate.body()).contains("ya está en preparación").contains("no se puede cancelar");
        assertThat(tooLate.options()).contains("Ayuda");
        assertThat(order(reference).status()).isEqualTo(OrderStatus.PREPARING);
    }

    @Test
    @org.junit.jupiter.api.Order(19)
    void the_order_limit_per_hour_gives_a_clear_message_and_keeps_the_cart() {
        var hugo = customer("Hugo");
        // ten orders already placed this hour
        transaction.executeWithoutResult(tx -> {
            for (int i = 0; i < 10; i++) {
                var draft = new Order.Draft(
                        new Customer(hugo.waId, hugo.waId, null, "Hugo"),
                        fonda,
                        List.of(new OrderLine("fp-ajiaco", "Ajiaco", 1, Cop.of(28_900), List.of(), null)),
                        PaymentMethod.CASH,
                        null,
                        new DeliveryAddress("Calle 63", CHAPINERO),
                        null);
                var placed = Order.place(draft, OrderId.newId(), orders.nextReference(), "1111", Instant.now());
                orders.add(placed.order()
                        .cancel(
                                co.wpfoods.order.ordering.domain.CancellationReason.OTHER,
                                co.wpfoods.order.ordering.domain.Actor.OPS,
                                "test",
                                Instant.now())
                        .order());
            }
        });

        hugo.taps(bandejaInCashSummary(hugo), "Confirmar");

        assertThat(hugo.hears().body())
                .startsWith("Ya hiciste 10 pedidos en la última hora, el máximo. Tu carrito queda guardado");
        hugo.tapsId("cart:view", "Ver carrito", false);
        assertThat(hugo.hears().body()).contains("1× Bandeja paisa");
    }

    @Test
    @org.junit.jupiter.api.Order(20)
    void a_whatsapp_catalog_cart_becomes_the_cart() {
        var irene = customer("Irene");
        consentedNearChapinero(irene);
        var items = new LinkedHashMap<String, Integer>();
        items.put("fp-ajiaco", 2);
        items.put(fonda.id().value() + "/fp-limonada", 1);
        items.put("no-existe", 1);

        irene.sendsCatalogCart(items);

        assertThat(irene.hears().body()).isEqualTo("No encontré estos productos: no-existe.");
        assertThat(irene.hears().body()).isEqualTo("Agregué 2× Ajiaco santafereño, 1× Limonada de coco 🛒");
        assertThat(irene.hears().options()).contains("Pagar");
    }

    @Test
    @org.junit.jupiter.api.Order(21)
    void the_customer_follows_the_order_from_accepted_to_delivered_and_rates_it() {
        var sara = customer("Sara");
        sara.taps(bandejaInCashSummary(sara), "Confirmar");
        String reference = placedReference(sara.hears());
        var order = order(reference);
        // her WhatsApp name starts with an honorific: she is "Doña Gloria" to her colleagues, not "Doña"
        var gloria = chat.staff("573109990101", "Doña Gloria");

        gloria.taps(gloria.hearsAbout("🔔 Nuevo pedido #" + reference), "Aceptar");
        var accepted = sara.hears();
        assertThat(accepted.body())
                .startsWith("🎉 La Fonda Paisa aceptó tu pedido #" + reference + ". Estará listo en unos 25 min");
        assertThat(accepted.command().getFallbackTemplate().getName()).isEqualTo("pedido_actualizado");
        assertThat(gloria.hearsAbout("aceptado por").body()).contains("aceptado por Doña Gloria:");
        // "ready" by text, the order number first, as staff also write it
        gloria.says("el " + reference + " ya está listo");
        assertThat(sara.hears().body()).contains("Están preparando");
        assertThat(sara.hears().body()).isEqualTo("Tu pedido #" + reference + " está listo y espera al rapitendero.");

        // dispatch: an offer (ignored), pickup with the worker's location, delivery
        publish(
                Topics.Dispatch.DELIVERY,
                order.id().value(),
                new OfferSent(
                        "of-1",
                        order.id().value(),
                        "w-1",
                        800,
                        6_000L,
                        Instant.now().plusSeconds(60),
                        Instant.now()));
        publish(
                Topics.Dispatch.DELIVERY,
                order.id().value(),
                PickedUp.newBuilder()
                        .setOrderId(order.id().value())
                        .setWorkerId("w-1")
                        .setWorkerFirstName("Jhon")
                        .setWorkerLocation(new GeoPoint(4.6486, -74.0636))
                        .setOccurredAt(Instant.now())
                        .build());
        assertThat(sara.hears().body()).startsWith("🛵 Jhon recogió tu pedido #" + reference);
        assertThat(sara.hears().kind()).isEqualTo(OutboundKind.LOCATION);
        publish(
                Topics.Dispatch.DELIVERY,
                order.id().value(),
                new Delivered(order.id().value(), "w-1", 900, Instant.now()));
        var rating = sara.hears();
        assertThat(rating.body()).isEqualTo("¡Pedido #" + reference + " entregado! 😋 ¿Cómo estuvo?");
        assertThat(rating.command().getFallbackTemplate().getName()).isEqualTo("califica_pedido");

        sara.taps(rating, "⭐⭐⭐⭐⭐");
        assertThat(sara.hears().body()).isEqualTo("¡Gracias por calificar! 🙌");
        // and, this once, whether she wants promotions: a pause after her first delivered order
        var promotions = sara.hears();
        assertThat(promotions.body()).startsWith("¿Quieres que te avisemos de promociones");
        assertThat(promotions.options()).containsExactly("Sí", "No, gracias");
        assertThat(order(reference).rating()).isEqualTo(5);
        assertThat(order(reference).history())
                .extracting(h -> h.status())
                .containsExactly(
                        OrderStatus.PENDING,
                        OrderStatus.CONFIRMED,
                        OrderStatus.PREPARING,
                        OrderStatus.READY,
                        OrderStatus.PICKED_UP,
                        OrderStatus.DELIVERED);
        var confirmed = await().atMost(Duration.ofSeconds(30))
                .until(() -> orderEvents(order.id().value()), l -> l.size() >= 6);
        assertThat(confirmed)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "OrderPlaced",
                        "OrderConfirmed",
                        "OrderPreparing",
                        "OrderReady",
                        "OrderPickedUp",
                        "OrderDelivered");
        assertThat(((OrderConfirmed) confirmed.get(1)).getPreparationMinutes()).isEqualTo(25);

        // a second tap on the rating changes nothing
        sara.taps(rating, "⭐");
        assertThat(sara.hears().body()).isEqualTo("Ya calificaste el pedido #" + reference + ". ¡Gracias!");
    }

    @Test
    @org.junit.jupiter.api.Order(22)
    void where_is_my_order_answers_with_its_status() {
        var rosa = customer("Rosa");
        rosa.taps(bandejaInCashSummary(rosa), "Confirmar");
        String reference = placedReference(rosa.hears());
        AI.answer("¿dónde está mi pedido?", intent("track", 0.9, ""));

        rosa.says("¿dónde está mi pedido?");

        var status = rosa.hears();
        assertThat(status.body())
                .isEqualTo("Tu pedido #" + reference + " está esperando que el restaurante lo acepte.");
        assertThat(status.options()).containsExactly("Actualizar", "Cancelar pedido");
        fondaAccepts(reference);
    }

    @Test
    @org.junit.jupiter.api.Order(23)
    void a_returning_customer_reorders_the_last_order_in_three_messages() {
        var luis = customer("Luis");
        luis.taps(bandejaInCashSummary(luis), "Confirmar");
        fondaAccepts(placedReference(luis.hears()));
        luis.hearsAbout("aceptó");
        luis.sent = 0;

        luis.says("hola");
        var home = luis.hears();
        assertThat(home.body()).isEqualTo("¡Hola de nuevo, Luis! ¿Qué hacemos hoy?");
        luis.taps(home, "Repetir pedido");
        var summary = luis.hears();
        assertThat(summary.body()).contains("1× Bandeja paisa").contains("Efectivo");
        luis.taps(summary, "Confirmar");

        assertThat(luis.hears().body()).contains("enviado a La Fonda Paisa");
        assertThat(luis.sent).isEqualTo(3);
    }

    @Test
    @org.junit.jupiter.api.Order(24)
    void a_card_order_waits_for_the_payment_then_goes_to_the_restaurant_and_a_failed_payment_cancels() {
        var gabriela = customer("Gabriela");
        var list = consentedNearChapinero(gabriela);
        gabriela.taps(list, "La Fonda Paisa");
        gabriela.taps(gabriela.hears(), "Ajiaco");
        gabriela.hears();
        gabriela.taps(gabriela.hears(), "Pagar");
        gabriela.taps(gabriela.hears(), "Tarjeta");
        gabriela.taps(gabriela.hears(), "Confirmar");
        String reference = placedReference(gabriela.hears());
        var order = order(reference);
        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);

        publish(
                Topics.Payments.PAYMENT,
                order.id().value(),
                new PaymentCompleted(
                        "p-1", order.id().value(), 33_900L, PaidWith.CARD, "local-card", null, Instant.now()));

        assertThat(gabriela.hears().body())
                .isEqualTo("Pago recibido ✅ Enviamos tu pedido #" + reference + " a La Fonda Paisa.");
        assertThat(chat.staff("573109990101", "Gloria")
                        .hearsAbout("🔔 Nuevo pedido #" + reference)
                        .options())
                .contains("Rechazar");
        fondaAccepts(reference);
        gabriela.hearsAbout("aceptó");

        // a second card order whose payment fails is cancelled and the customer told
        gabriela.tapsId("add:" + fonda.id().value() + ":fp-ajiaco", "Ajiaco", true);
        gabriela.hears();
        gabriela.taps(gabriela.hears(), "Pagar");
        gabriela.taps(gabriela.hears(), "Confirmar");
        String second = placedReference(gabriela.hears());
        publish(
                Topics.Payments.PAYMENT,
                order(second).id().value(),
                new PaymentFailed(
                        "p-2", order(second).id().value(), PaymentFailureReason.DECLINED, null, Instant.now()));
        assertThat(gabriela.hears().body())
                .isEqualTo("El pago del pedido #" + second + " no se completó, así que lo cancelamos.");
        assertThat(order(second).cancellation().reason())
                .isEqualTo(co.wpfoods.order.ordering.domain.CancellationReason.PAYMENT_FAILED);
    }

    @Test
    @org.junit.jupiter.api.Order(25)
    void a_restaurant_that_does_not_answer_gets_a_reminder_and_then_the_order_is_cancelled() {
        var silent = restaurant(
                "Fritanga El Silencio",
                new GeoLocation(4.6487, -74.0626),
                "Chapinero",
                List.of(new MenuItem("fe-picada", "Picada", null, "Picadas", Cop.of(30_000), true, List.of())),
                "573109990601");
        var felipe = customer("Felipe");
        felipe.taps(consentedNearChapinero(felipe), "Fritanga El Silencio");
        felipe.taps(felipe.hears(), "Picada");
        felipe.hears();
        felipe.taps(felipe.hears(), "Pagar");
        felipe.taps(felipe.hears(), "Efectivo");
        felipe.taps(felipe.hears(), "Confirmar");
        String reference = placedReference(felipe.hears());
        var staff = chat.staff("573109990601", "Don Ramiro");
        assertThat(staff.hearsAbout("🔔 Nuevo pedido #" + reference)).isNotNull();

        assertThat(staff.hearsAbout("⏰ El pedido #" + reference).options()).contains("Rechazar");
        assertThat(felipe.hears().body())
                .isEqualTo("Fritanga El Silencio no respondió a tiempo, así que cancelamos tu pedido #" + reference
                        + ". Si pagaste, te devolvemos el dinero.");
        var cancelled = (OrderCancelled) await().atMost(Duration.ofSeconds(30))
                .until(() -> orderEvents(order(reference).id().value()), l -> l.size() == 2)
                .get(1);
        assertThat(cancelled.getReason()).isEqualTo(CancellationReason.RESTAURANT_TIMEOUT);
        assertThat(silent.id()).isEqualTo(order(reference).restaurantId());
    }

    @Test
    @org.junit.jupiter.api.Order(26)
    void two_staff_answer_at_once_the_first_wins_and_the_other_sees_who_took_it() {
        var julia = customer("Julia");
        julia.taps(bandejaInCashSummary(julia), "Confirmar");
        String reference = placedReference(julia.hears());
        var gloria = chat.staff("573109990101", "Doña Gloria Pérez");
        var jhon = chat.staff("573109990102", "Jhon  Jairo");
        var alertGloria = gloria.hearsAbout("🔔 Nuevo pedido #" + reference);
        var alertJhon = jhon.hearsAbout("🔔 Nuevo pedido #" + reference);

        // both tap Accept at the same time
        gloria.taps(alertGloria, "Aceptar");
        jhon.taps(alertJhon, "Aceptar");

        var accepted = await().atMost(Duration.ofSeconds(30))
                .until(() -> order(reference), o -> o.status() == OrderStatus.CONFIRMED);
        // the staff are named as their profile gives it, whole (spaces tidied), not only the first word
        String winner = accepted.lastMovedBy();
        assertThat(winner).isIn("Doña Gloria Pérez", "Jhon Jairo");
        var loser = winner.equals("Doña Gloria Pérez") ? jhon : gloria;
        assertThat(loser.hearsAbout("#" + reference + " ya está").body())
                .isEqualTo("El pedido #" + reference + " ya está aceptado (" + winner + ").");
        assertThat(loser.allBodies())
                .contains("✅ Pedido #" + reference + " aceptado por " + winner + ": listo en 25 min.");
        assertThat(accepted.history())
                .filteredOn(h -> h.status() == OrderStatus.CONFIRMED)
                .hasSize(1);

        // a late Reject changes nothing either
        jhon.tapsId("r:" + reference + ":reject:TOO_BUSY", "Demasiados pedidos", true);
        assertThat(jhon.hearsAbout("#" + reference + " ya está").body()).contains("ya está aceptado");
        assertThat(order(reference).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    @org.junit.jupiter.api.Order(27)
    void a_restaurant_rejects_with_a_reason_and_the_customer_is_told() {
        var mario = customer("Mario");
        mario.taps(bandejaInCashSummary(mario), "Confirmar");
        String reference = placedReference(mario.hears());
        var gloria = chat.staff("573109990101", "Gloria");

        gloria.taps(gloria.hearsAbout("🔔 Nuevo pedido #" + reference), "Rechazar");
        var reasons = gloria.hearsAbout("¿Por qué rechazas el #" + reference);
        gloria.taps(reasons, "Se acabó un producto");

        assertThat(mario.hears().body())
                .isEqualTo("Lo siento, La Fonda Paisa no pudo aceptar tu pedido #" + reference
                        + ". Si pagaste, te devolvemos el dinero.");
        assertThat(order(reference).cancellation().detail()).isEqualTo("Se acabó un producto");
    }

    @Test
    @org.junit.jupiter.api.Order(28)
    void no_worker_found_cancels_the_order_and_tells_the_customer() {
        var oscar = customer("Óscar");
        oscar.taps(bandejaInCashSummary(oscar), "Confirmar");
        String reference = placedReference(oscar.hears());
        fondaAccepts(reference);
        oscar.hears();

        publish(
                Topics.Dispatch.DELIVERY,
                order(reference).id().value(),
                DeliveryFailed.newBuilder()
                        .setOrderId(order(reference).id().value())
                        .setReason(DeliveryFailureReason.NO_WORKER)
                        .setOccurredAt(Instant.now())
                        .build());

        assertThat(oscar.hears().body()).startsWith("No encontramos rapitendero para tu pedido #" + reference);
        assertThat(order(reference).cancellation().reason())
                .isEqualTo(co.wpfoods.order.ordering.domain.CancellationReason.NO_WORKER);
    }

    @Test
    @org.junit.jupiter.api.Order(29)
    void a_complaint_goes_to_the_support_queue() {
        var beatriz = customer("Beatriz");
        beatriz.says("hola");
        beatriz.taps(beatriz.hears(), "Acepto");
        beatriz.hears();
        beatriz.hears();
        AI.answer("me llegó frío el almuerzo", intent("complaint", 0.9, ""));

        beatriz.says("me llegó frío el almuerzo");

        var answer = beatriz.hears();
        assertThat(answer.body()).startsWith("Recibimos tu mensaje (caso S");
        assertThat(support.open(0, 100))
                .anyMatch(t -> t.customerKey().equals(beatriz.waId) && t.text().equals("me llegó frío el almuerzo"));
    }

    @Test
    @org.junit.jupiter.api.Order(30)
    void an_unsure_answer_from_ai_service_shows_the_steps_options_instead_of_guessing() {
        var raul = customer("Raúl");
        raul.taps(consentedNearChapinero(raul), "La Fonda Paisa");
        raul.hears();
        AI.answer("mmm no sé", intent("add_to_cart", 0.3, items(item(fonda.id().value(), "fp-ajiaco", "Ajiaco", 1))));

        raul.says("mmm no sé");

        assertThat(raul.hears().body()).isEqualTo("No te entendí bien 🙈 Elige una opción:");
        assertThat(raul.hears().body()).startsWith("Menú de La Fonda Paisa");
    }

    @Test
    @org.junit.jupiter.api.Order(31)
    void staff_pause_the_store_by_text_and_customers_no_longer_see_it() {
        var pauser = restaurant(
                "Empanadas Paisas",
                new GeoLocation(4.6491, -74.0631),
                "Chapinero",
                List.of(new MenuItem("ep-empanada", "Empanada", null, "Empanadas", Cop.of(3_000), true, List.of())),
                "573109990701");
        var staff = chat.staff("573109990701", "Doris");

        staff.says("pausar la tienda");
        assertThat(staff.hears().body()).startsWith("⏸️ Tienda pausada");

        var nora = customer("Nora");
        assertThat(consentedNearChapinero(nora).options()).doesNotContain("Empanadas Paisas");
        staff.says("abrir");
        assertThat(staff.hears().body()).isEqualTo("▶️ Tienda abierta de nuevo.");
        assertThat(restaurants.find(pauser.id()).orElseThrow().store().paused()).isFalse();
    }

    @Test
    @org.junit.jupiter.api.Order(40)
    void when_ai_service_is_slow_or_down_the_customer_still_orders_by_taps() {
        var daniela = customer("Daniela");
        var list = consentedNearChapinero(daniela);
        daniela.taps(list, "La Fonda Paisa");
        daniela.hears();

        AI.mode(AiStandIn.Mode.SLOW);
        long start = System.nanoTime();
        daniela.says("quiero un ajiaco");
        assertThat(daniela.hears().body()).isEqualTo("No te entendí bien 🙈 Elige una opción:");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        var menu = daniela.hears();
        assertThat(menu.body()).startsWith("Menú de La Fonda Paisa");

        AI.mode(AiStandIn.Mode.DOWN);
        daniela.says("ajiaco por favor");
        daniela.hears();
        daniela.taps(daniela.hears(), "Ajiaco santafereño");
        daniela.hears();
        daniela.taps(daniela.hears(), "Pagar");
        daniela.taps(daniela.hears(), "Efectivo");
        daniela.taps(daniela.hears(), "Confirmar");
        assertThat(daniela.hears().body()).contains("enviado a La Fonda Paisa");
    }

    record Response(int status, tools.jackson.databind.JsonNode body) {}

    Response get(String path) {
        return org.springframework.web.client.RestClient.create("http://localhost:" + port)
                .get()
                .uri(path)
                .header("Authorization", TestTokens.ops())
                .exchange((req, res) -> {
                    byte[] bytes = res.getBody().readAllBytes();
                    return new Response(
                            res.getStatusCode().value(),
                            tools.jackson.databind.json.JsonMapper.builder()
                                    .build()
                                    .readTree(bytes));
                });
    }

    @Test
    @org.junit.jupiter.api.Order(50)
    void dashboards_read_a_restaurants_orders_with_their_history_and_ops_read_the_support_queue() {
        var today = get("/api/orders/restaurants/" + fonda.id().value() + "/orders?size=100");
        assertThat(today.status()).isEqualTo(200);
        var items = today.body().get("items");
        assertThat(items.size()).isGreaterThan(5);
        assertThat(items.get(0).get("restaurantId").asString())
                .isEqualTo(fonda.id().value());

        var delivered = get("/api/orders/restaurants/" + fonda.id().value() + "/orders?status=DELIVERED");
        String reference = delivered.body().get("items").get(0).get("reference").asString();
        var one = get("/api/orders/restaurants/" + fonda.id().value() + "/orders/" + reference);
        assertThat(one.body().get("history").size()).isEqualTo(6);
        assertThat(one.body().get("rating").asInt()).isEqualTo(5);
        assertThat(one.body().get("ivaCop").asLong()).isEqualTo(6_051);

        // another restaurant's order is not found through this restaurant, and bad parameters are refused
        assertThat(get("/api/orders/restaurants/" + brasa.id().value() + "/orders/" + reference)
                        .status())
                .isEqualTo(404);
        assertThat(get("/api/orders/restaurants/r-nope/orders").status()).isEqualTo(404);
        assertThat(get("/api/orders/restaurants/" + fonda.id().value() + "/orders?size=1000")
                        .status())
                .isEqualTo(400);
        assertThat(get("/api/orders/restaurants/" + fonda.id().value() + "/orders?status=LOST")
                        .status())
                .isEqualTo(400);
        assertThat(get("/api/orders/restaurants/" + fonda.id().value() + "/orders?from=2026-13-01")
                        .status())
                .isEqualTo(400);

        var queue = get("/api/orders/support");
        assertThat(queue.body().get("items").toString()).contains("me llegó frío el almuerzo");
        assertThat(get("/v3/api-docs").body().get("paths").has("/api/orders/restaurants/{restaurantId}/orders"))
                .isTrue();
    }

    // ------------------------------------------------------------------ the restaurant runs its store by chat

    @Test
    @org.junit.jupiter.api.Order(45)
    void a_store_paused_during_an_open_order_still_finishes_that_order_and_new_customers_are_told_it_is_paused() {
        var pepe = restaurant(
                "Corrientazo Don Pepe",
                new GeoLocation(4.6492, -74.0633),
                "Chapinero",
                List.of(new MenuItem("dp-sopa", "Sopa de verduras", null, "Sopas", Cop.of(10_000), true, List.of())),
                "573109990801");
        var staff = chat.staff("573109990801", "Pepe");
        var ines = customer("Inés");
        ines.taps(consentedNearChapinero(ines), "Corrientazo Don Pepe");
        ines.taps(ines.hears(), "Sopa de verduras");
        assertThat(ines.hears().body()).isEqualTo("Agregué 1× Sopa de verduras 🛒");
        ines.taps(ines.hears(), "Pagar");
        ines.taps(ines.hears(), "Efectivo");
        ines.taps(ines.hears(), "Confirmar");
        String reference = placedReference(ines.hears());
        staff.hearsAbout("🔔 Nuevo pedido #" + reference);
        // another customer already has the soup in the cart
        var raul = customer("Raúl");
        raul.taps(consentedNearChapinero(raul), "Corrientazo Don Pepe");
        raul.taps(raul.hears(), "Sopa de verduras");
        raul.hears();
        var raulsCart = raul.hears();

        // given the store is paused in the middle of the rush
        staff.says("pausar");
        assertThat(staff.hearsAbout("Tienda pausada").body()).startsWith("⏸️ Tienda pausada");

        // when the staff still accept and finish the open order by text
        staff.says("acepto " + reference + " en 30 min");
        assertThat(ines.hears().body())
                .startsWith("🎉 Corrientazo Don Pepe aceptó tu pedido #" + reference + ". Estará listo en unos 30 min");
        staff.says("listo el " + reference);
        assertThat(ines.hears().body()).isEqualTo("👩‍🍳 Están preparando tu pedido #" + reference + ".");
        assertThat(ines.hears().body()).isEqualTo("Tu pedido #" + reference + " está listo y espera al rapitendero.");
        assertThat(order(reference).status()).isEqualTo(OrderStatus.READY);

        // then a customer with a cart is told at checkout, and new customers do not see the store
        raul.taps(raulsCart, "Pagar");
        assertThat(raul.hears().body()).isEqualTo("Corrientazo Don Pepe no está recibiendo pedidos en este momento.");
        var sara = customer("Sara");
        assertThat(consentedNearChapinero(sara).options()).doesNotContain("Corrientazo Don Pepe");
        sara.tapsId("rest:" + pepe.id().value(), "Corrientazo Don Pepe", true);
        assertThat(sara.hears().body()).isEqualTo("Corrientazo Don Pepe no está recibiendo pedidos en este momento.");
    }

    @Test
    @org.junit.jupiter.api.Order(46)
    void staff_switch_an_item_off_and_on_and_change_a_price_by_text_and_a_customer_with_it_in_the_cart_is_told() {
        var caldo = restaurant(
                "Caldos de Chapinero",
                new GeoLocation(4.6493, -74.0634),
                "Chapinero",
                List.of(
                        new MenuItem("cc-ajiaco", "Ajiaco", null, "Sopas", Cop.of(24_000), true, List.of()),
                        new MenuItem("cc-limonada", "Limonada", null, "Bebidas", Cop.of(5_000), true, List.of())),
                "573109990901");
        String id = caldo.id().value();
        var staff = chat.staff("573109990901", "Marta");
        AI.answer("se acabó el ajiaco", intent("item_off", 0.93, items(item(id, "cc-ajiaco", "Ajiaco", 1))));
        AI.answer("volvió el ajiaco", intent("item_on", 0.91, items(item(id, "cc-ajiaco", "Ajiaco", 1))));
        AI.answer(
                "la limonada ahora a 6 mil",
                intent("price_change", 0.9, items(item(id, "cc-limonada", "Limonada", 1)) + ", \"priceCop\": 6000"));

        // given a customer with an ajiaco and a limonada in the cart at the prices shown
        var pilar = customer("Pilar");
        pilar.taps(consentedNearChapinero(pilar), "Caldos de Chapinero");
        var menu = pilar.hears();
        pilar.taps(menu, "Ajiaco");
        pilar.hears();
        pilar.taps(pilar.hears(), "Seguir pidiendo");
        pilar.taps(pilar.hears(), "Limonada");
        pilar.hears();
        var cart = pilar.hears();

        // when the staff run out of ajiaco and raise the limonada by text
        staff.says("se acabó el ajiaco");
        assertThat(staff.hears().body()).isEqualTo("Listo, Ajiaco quedó agotado.");
        staff.says("la limonada ahora a 6 mil");
        assertThat(staff.hears().body()).isEqualTo("Listo, Limonada ahora cuesta $6.000.");
        var menuNow = restaurants.menuOf(caldo.id()).orElseThrow();
        assertThat(menuNow.items().stream()
                        .filter(i -> i.itemId().equals("cc-ajiaco"))
                        .findFirst()
                        .orElseThrow()
                        .available())
                .isFalse();

        // then at checkout the customer is told what left the cart and what costs more, and sees it in the summary
        pilar.taps(cart, "Pagar");
        assertThat(pilar.hears().body()).isEqualTo("Quité Ajiaco: ya no está disponible.");
        assertThat(pilar.hears().body()).isEqualTo("Cambiaron precios: Limonada ahora cuesta $6.000.");
        pilar.taps(pilar.hears(), "Efectivo");
        assertThat(pilar.hears().body()).contains("1× Limonada — $6.000").doesNotContain("Ajiaco");

        // and once the ajiaco is back, it can be ordered again
        staff.says("volvió el ajiaco");
        assertThat(staff.hears().body()).isEqualTo("Listo, Ajiaco está disponible otra vez.");
        var ana = customer("Ana");
        ana.taps(consentedNearChapinero(ana), "Caldos de Chapinero");
        ana.taps(ana.hears(), "Ajiaco");
        assertThat(ana.hears().body()).isEqualTo("Agregué 1× Ajiaco 🛒");
    }

    @Test
    @org.junit.jupiter.api.Order(47)
    void staff_ask_for_sales_today_and_this_week_and_get_a_chart_image_and_the_summary() throws Exception {
        restaurant(
                "Fritanga La 57",
                new GeoLocation(4.6494, -74.0632),
                "Chapinero",
                List.of(
                        new MenuItem("fr-picada", "Picada", null, "Fritos", Cop.of(20_000), true, List.of()),
                        new MenuItem("fr-gaseosa", "Gaseosa", null, "Bebidas", Cop.of(4_000), true, List.of())),
                "573109991001");
        var staff = chat.staff("573109991001", "Wilson");
        staff.says("ventas hoy");
        assertThat(staff.hears().body()).isEqualTo("📊 Ventas de hoy: aún no hay pedidos aceptados.");

        // given one order accepted (a picada and two gaseosas) and one rejected
        String accepted = fritangaOrder(customer("Jaime"), 2);
        staff.taps(staff.hearsAbout("🔔 Nuevo pedido #" + accepted), "Aceptar (25 min)");
        String rejected = fritangaOrder(customer("Camila"), 1);
        staff.says("rechazo " + rejected);
        staff.taps(staff.hearsAbout("¿Por qué rechazas el #" + rejected), "Demasiados pedidos");

        // when the staff ask for today's sales, and this week's in English
        staff.says("ventas de hoy");
        var todayChart = staff.hearsAbout(b -> b.equals("MEDIA"));
        var today = staff.hears();
        staff.says("sales this week");
        var weekChart = staff.hearsAbout(b -> b.equals("MEDIA"));
        var week = staff.hears();

        // then each answer is a chart sent as an image by the media id messaging-service gave for the upload, then
        // the summary where only the accepted order counts, with its food total and the items sold most
        assertThat(today.body())
                .isEqualTo("📊 Ventas de hoy: 1 pedido, $28.000.\nMás vendidos: Gaseosa (2), Picada (1)");
        assertThat(week.body())
                .isEqualTo("📊 Sales this week: 1 order, $28.000.\nTop sellers: Gaseosa (2), Picada (1)");
        for (var chart : List.of(todayChart, weekChart)) {
            assertThat(chart.kind()).isEqualTo(OutboundKind.MEDIA);
            var media = chart.command().getMedia();
            assertThat(media.getMediaType()).isEqualTo(co.wpfoods.schemas.wa.MediaType.IMAGE);
            assertThat(media.getLink()).isNull();
            var upload = MESSAGING.upload(media.getMediaId().toString());
            assertThat(upload.contentType()).isEqualTo("image/png");
            assertThat(upload.authorization()).isEqualTo(SERVICE_TOKEN);
            var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(upload.bytes()));
            assertThat(image).as("a PNG that decodes").isNotNull();
            assertThat(image.getWidth()).isEqualTo(800);
            assertThat(image.getHeight()).isEqualTo(500);
            assertThat(ChartPixels.barPixels(image)).as("pixels of the bars").isGreaterThan(500);
        }
        assertThat(todayChart.command().getMedia().getCaption().toString()).isEqualTo("Ventas de hoy por hora");
        assertThat(weekChart.command().getMedia().getCaption().toString()).isEqualTo("Sales this week by day");
    }

    static Restaurant sopas;

    /** Sopas de la 60 (staff Nidia and Pedro), created once for the complaint scenarios. */
    Restaurant sopas() {
        if (sopas == null) {
            sopas = restaurant(
                    "Sopas de la 60",
                    new GeoLocation(4.6530, -74.0600),
                    "Chapinero",
                    List.of(
                            new MenuItem("sp-pasta", "Sopa de pasta", null, "Sopas", Cop.of(12_000), true, List.of()),
                            new MenuItem("sp-jugo", "Jugo de lulo", null, "Bebidas", Cop.of(5_000), true, List.of())),
                    "573109991101",
                    "573109991102");
        }
        return sopas;
    }

    /** From the restaurant list to a placed cash order of one sopa and one jugo; answers its number. */
    String sopasOrder(Chat.Person customer, Chat.Heard list, boolean english) {
        customer.taps(list, "Sopas de la 60");
        var menu = customer.hears();
        customer.taps(menu, "Sopa de pasta");
        customer.hears();
        customer.taps(customer.hears(), english ? "Keep ordering" : "Seguir pidiendo");
        customer.taps(customer.hears(), "Jugo de lulo");
        customer.hears();
        customer.taps(customer.hears(), english ? "Checkout" : "Pagar");
        customer.taps(customer.hears(), english ? "Cash" : "Efectivo");
        customer.taps(customer.hears(), english ? "Confirm" : "Confirmar");
        return placedReference(customer.hears());
    }

    @Test
    @org.junit.jupiter.api.Order(48)
    void a_missing_item_reaches_the_restaurants_staff_and_the_first_to_answer_fixes_it() {
        sopas();
        var nidia = chat.staff("573109991101", "Nidia Esperanza Rojas");
        var pedro = chat.staff("573109991102", "Pedro");
        var lucia = customer("Lucía");
        String ref = sopasOrder(lucia, consentedNearChapinero(lucia), false);
        nidia.taps(nidia.hearsAbout("🔔 Nuevo pedido #" + ref), "Aceptar (25 min)");
        lucia.hearsAbout("aceptó tu pedido #" + ref);

        // when the customer complains that the jugo did not come
        AI.answer("me faltó el jugo de lulo", intent("complaint", 0.9, ""));
        lucia.says("me faltó el jugo de lulo");

        // then the restaurant's staff get it with the order, and the customer is told the kitchen fixes it
        assertThat(lucia.hearsAbout("Le pasé tu reclamo").body())
                .startsWith("Le pasé tu reclamo a Sopas de la 60: es de su cocina")
                .contains("pedido #" + ref);
        var alert = nidia.hearsAbout("⚠️ Reclamo del pedido #" + ref);
        assertThat(alert.body())
                .contains("(Lucía): Faltó algo.")
                .contains("\"me faltó el jugo de lulo\"")
                .contains("1× Sopa de pasta, 1× Jugo de lulo");
        assertThat(alert.options()).containsExactly("Lo resolvemos", "Pasar a soporte");
        var pedrosAlert = pedro.hearsAbout("⚠️ Reclamo del pedido #" + ref);
        String ticket = ticketOf(alert);
        assertThat(support.find(ticket).orElseThrow().routedTo())
                .isEqualTo(co.wpfoods.order.support.domain.ComplaintKind.Owner.RESTAURANT);
        assertThat(support.open(0, 100)).noneMatch(t -> t.id().equals(ticket));

        // when Nidia takes it and Pedro answers after her
        nidia.taps(alert, "Lo resolvemos");
        assertThat(nidia.hearsAbout("el cliente sabe").body()).contains("#" + ref);
        assertThat(lucia.hearsAbout("está resolviendo").body())
                .isEqualTo("Sopas de la 60 está resolviendo tu reclamo del pedido #" + ref + " (caso " + ticket + ").");
        pedro.taps(pedrosAlert, "Pasar a soporte");

        // then Pedro hears who took it, with her whole name, and nothing reaches ops' queue
        assertThat(pedro.hearsAbout("ya lo atendió").body())
                .isEqualTo("El reclamo del pedido #" + ref + " ya lo atendió Nidia Esperanza Rojas.");
        assertThat(support.open(0, 100)).noneMatch(t -> t.id().equals(ticket));
    }

    @Test
    @org.junit.jupiter.api.Order(49)
    void a_complaint_about_the_rapitendero_goes_to_ops_support_queue_in_english_and_the_restaurant_hears_nothing() {
        sopas();
        var nidia = chat.staff("573109991101", "Nidia Esperanza Rojas");
        var mary = customer("Mary Jones");
        mary.says("hi, I would like to order food please");
        mary.taps(mary.hears(), "I agree");
        mary.hears();
        mary.hears();
        mary.sharesLocation(CHAPINERO.latitude(), CHAPINERO.longitude());
        String ref = sopasOrder(mary, mary.hears(), true);
        nidia.taps(nidia.hearsAbout("🔔 Nuevo pedido #" + ref), "Aceptar (25 min)");

        // when she complains about the rapitendero
        AI.answer("the rapitendero was rude to me", intent("complaint", 0.9, ""));
        mary.says("the rapitendero was rude to me");

        // then it is in ops' queue as a rapitendero complaint about her order, and she is told support writes
        var answer = mary.hearsAbout("case S");
        assertThat(answer.body()).startsWith("We got your message (case S");
        var ticket = support.open(0, 100).stream()
                .filter(t -> t.customerKey().equals(mary.waId))
                .findFirst()
                .orElseThrow();
        assertThat(ticket.category()).isEqualTo(co.wpfoods.order.support.domain.ComplaintKind.RAPITENDERO);
        assertThat(ticket.orderId()).isEqualTo(order(ref).id().value());
        assertThat(nidia.allBodies()).noneMatch(b -> b.contains("Reclamo del pedido #" + ref));
    }

    @Test
    @org.junit.jupiter.api.Order(50)
    void an_unclear_complaint_asks_what_happened_and_the_restaurant_may_send_it_to_support() {
        sopas();
        var pedro = chat.staff("573109991102", "Pedro");
        var jorge = customer("Jorge");
        String ref = sopasOrder(jorge, consentedNearChapinero(jorge), false);
        pedro.taps(pedro.hearsAbout("🔔 Nuevo pedido #" + ref), "Aceptar (25 min)");
        jorge.hearsAbout("aceptó tu pedido #" + ref);

        // when he asks for help and says only that something was wrong
        jorge.says("hola");
        jorge.taps(jorge.hearsAbout(b -> b.startsWith("¡Hola")), "Ayuda");
        assertThat(jorge.hears().body()).isEqualTo("Cuéntame qué pasó con tu pedido.");
        jorge.says("no me gustó nada");

        // then he chooses what happened from a list, and a cold dish goes to the restaurant
        var kinds = jorge.hears();
        assertThat(kinds.body()).isEqualTo("Lo siento 🙏 ¿Qué pasó con tu pedido?");
        assertThat(kinds.options()).hasSize(7).contains("Faltó algo", "Llegó tarde", "El rapitendero");
        jorge.taps(kinds, "Llegó frío o mal hecho");
        assertThat(jorge.hears().body()).startsWith("Le pasé tu reclamo a Sopas de la 60");
        var alert = pedro.hearsAbout("⚠️ Reclamo del pedido #" + ref);
        assertThat(alert.body()).contains("Llegó frío o mal hecho").contains("\"no me gustó nada\"");

        // when the staff send it on to support, then ops see it and the customer is told
        pedro.taps(alert, "Pasar a soporte");
        assertThat(pedro.hearsAbout("pasó a soporte").body()).contains("#" + ref);
        assertThat(jorge.hears().body()).startsWith("Sopas de la 60 pasó tu reclamo del pedido #" + ref + " a soporte");
        assertThat(support.open(0, 100))
                .anyMatch(t -> order(ref).id().value().equals(t.orderId())
                        && t.category() == co.wpfoods.order.support.domain.ComplaintKind.COLD_FOOD
                        && "Pedro".equals(t.handledBy()));

        // and a second tap on the old list changes nothing
        jorge.taps(kinds, "Faltó algo");
        assertThat(jorge.hears().body()).isEqualTo("Ese reclamo ya quedó registrado.");
    }

    @Test
    @org.junit.jupiter.api.Order(51)
    void a_customer_saves_the_address_as_casa_after_an_order_and_chooses_it_from_a_list_next_time() {
        sopas();
        var nidia = chat.staff("573109991101", "Nidia");
        var andrea = customer("Andrea");
        String first = sopasOrder(andrea, consentedNearChapinero(andrea), false);

        // when she saves the order's address as Casa from the order's message
        var placed = chat.to(andrea.waId).stream()
                .map(Chat.Heard::new)
                .filter(h -> h.body().contains("Pedido #" + first + " enviado"))
                .findFirst()
                .orElseThrow();
        assertThat(placed.options()).containsExactly("¿Dónde está?", "Cancelar pedido", "Guardar dirección");
        andrea.taps(placed, "Guardar dirección");
        var name = andrea.hearsAbout("¿Cómo guardamos esta dirección?");
        assertThat(name.body()).contains("Calle 63 # 10-20, Chapinero");
        andrea.taps(name, "Casa");
        assertThat(andrea.hearsAbout("guardé").body())
                .isEqualTo("Listo, guardé \"Casa\". La próxima vez la eliges de la lista.");
        nidia.taps(nidia.hearsAbout("🔔 Nuevo pedido #" + first), "Rechazar");
        nidia.taps(nidia.hearsAbout("¿Por qué rechazas el #" + first), "Demasiados pedidos");
        andrea.hearsAbout("#" + first);

        // then next time she is offered Casa instead of sharing her location again
        andrea.says("hola");
        andrea.taps(andrea.hearsAbout(b -> b.startsWith("¡Hola de nuevo")), "Pedir algo nuevo");
        var where = andrea.hears();
        assertThat(where.body()).startsWith("¿Dónde te llevamos la comida? Elige una dirección guardada");
        assertThat(where.options()).containsExactly("Casa", "📍 Otra ubicación");
        andrea.taps(where, "Casa");
        var list = andrea.hears();
        assertThat(list.options()).contains("Sopas de la 60");

        // and her next order goes to Casa without being asked, with no offer to save it again
        andrea.taps(list, "Sopas de la 60");
        andrea.taps(andrea.hears(), "Sopa de pasta");
        andrea.hears();
        andrea.taps(andrea.hears(), "Pagar");
        var summary = andrea.hears();
        assertThat(summary.body()).contains("📍 Calle 63 # 10-20, Chapinero");
        andrea.taps(summary, "Confirmar");
        String second = placedReference(andrea.hears());
        assertThat(order(second).address().text()).isEqualTo("Calle 63 # 10-20, Chapinero");
        var placedAgain = chat.to(andrea.waId).stream()
                .map(Chat.Heard::new)
                .filter(h -> h.body().contains("Pedido #" + second + " enviado"))
                .findFirst()
                .orElseThrow();
        assertThat(placedAgain.options()).containsExactly("¿Dónde está?", "Cancelar pedido");
    }

    @Test
    @org.junit.jupiter.api.Order(52)
    void an_english_speaker_names_an_address_by_typing_it() {
        sopas();
        var tom = customer("Tom");
        tom.says("hi, I would like to order food please");
        tom.taps(tom.hears(), "I agree");
        tom.hears();
        tom.hears();
        tom.sharesLocation(CHAPINERO.latitude(), CHAPINERO.longitude());
        String ref = sopasOrder(tom, tom.hears(), true);
        var placed = chat.to(tom.waId).stream()
                .map(Chat.Heard::new)
                .filter(h -> h.body().contains("#" + ref))
                .findFirst()
                .orElseThrow();

        tom.taps(placed, "Save address");
        assertThat(tom.hearsAbout("What should we call this address?").options())
                .containsExactly("Home", "Office");
        tom.says("Mom's place");

        assertThat(tom.hearsAbout("I saved").body())
                .isEqualTo("Done, I saved \"Mom's place\". Next time just pick it from the list.");
    }

    @Test
    @org.junit.jupiter.api.Order(53)
    void a_dish_or_cuisine_search_with_no_restaurant_in_focus_lists_only_what_can_be_ordered_now() {
        var sergio = customer("Sergio");
        consentedNearChapinero(sergio);

        // when he asks for something vegetarian: ai-service finds dishes at La Fonda, the closed tamales and far La
        // Brasa
        AI.answer(
                "algo vegetariano",
                intent(
                        "search",
                        0.9,
                        items(
                                item(fonda.id().value(), "fp-x1", "Patacón", 1),
                                item(fonda.id().value(), "fp-x3", "Arepa con queso", 1),
                                item(closed.id().value(), "tm-tamal", "Tamal tolimense", 1),
                                item(brasa.id().value(), "br-burger", "Hamburguesa clásica", 1))));
        sergio.says("algo vegetariano");

        // then only La Fonda's, which is open and delivers to him, are listed, and a tap adds one
        var found = sergio.hears();
        assertThat(found.body()).isEqualTo("Esto encontré:");
        assertThat(found.options()).containsExactly("Patacón", "Arepa con queso");
        sergio.taps(found, "Patacón");
        assertThat(sergio.hears().body()).isEqualTo("Agregué 1× Patacón 🛒");

        // when he asks for a burger, which only a restaurant too far away has
        var ximena = customer("Ximena");
        consentedNearChapinero(ximena);
        AI.answer(
                "quiero una hamburguesa",
                intent("search", 0.9, items(item(brasa.id().value(), "br-burger", "Hamburguesa clásica", 1))));
        ximena.says("quiero una hamburguesa");

        // then he is told nobody near has it and sees the restaurants that do deliver
        assertThat(ximena.hears().body()).startsWith("Eso no lo tiene ningún restaurante abierto que llegue hasta ti");
        assertThat(ximena.hears().options()).contains("La Fonda Paisa").doesNotContain("La Brasa Rola");
    }

    @Test
    @org.junit.jupiter.api.Order(54)
    void
            an_items_details_show_its_modifiers_with_prices_and_adding_it_asks_the_required_choice_in_english_and_spanish() {
        var usaquen = new GeoLocation(4.6950, -74.0320);
        var rola = restaurant(
                "Burger Rola",
                usaquen,
                "Usaquén",
                List.of(new MenuItem(
                        "bg-burger",
                        "Burger",
                        "Carne de res 150 g, queso",
                        "Burgers",
                        Cop.of(24_000),
                        true,
                        List.of(new ModifierGroup("size", "Tamaño", 1, 1)),
                        List.of(
                                new MenuItem.Modifier("bg-mini", "Mini", CopDelta.of(-4_000), "size"),
                                new MenuItem.Modifier("bg-single", "Sencilla", CopDelta.ZERO, "size"),
                                new MenuItem.Modifier("bg-double", "Doble", CopDelta.of(8_000), "size"),
                                new MenuItem.Modifier("bg-bacon", "Tocineta", CopDelta.of(3_000))))),
                "573109991201");
        String burger = item(rola.id().value(), "bg-burger", "Burger", 1);

        // an English speaker near Usaquén asks for a burger with no restaurant in focus
        var kate = customer("Kate");
        kate.says("hi, I would like to order food please");
        kate.taps(kate.hears(), "I agree");
        kate.hears();
        kate.hears();
        kate.sharesLocation(usaquen.latitude(), usaquen.longitude());
        kate.hears();
        AI.answer("I want a burger", intent("search", 0.9, items(burger)));
        kate.says("I want a burger");

        // and sees the item's details: price, description, the required size with price changes, the extras
        var details = kate.hears();
        assertThat(details.body())
                .isEqualTo("*Burger* — $24.000\nCarne de res 150 g, queso\nTamaño (choose): Mini (−$4.000), Sencilla,"
                        + " Doble (+$8.000)\nOptions: Tocineta (+$3.000)");
        assertThat(details.options()).containsExactly("Add", "See menu", "View cart");

        // adding asks for the size first, then the line costs what was chosen
        kate.taps(details, "Add");
        var size = kate.hears();
        assertThat(size.body()).isEqualTo("Choose Tamaño for Burger:");
        kate.taps(size, "Doble");
        assertThat(kate.hears().body()).startsWith("Added 1× Burger");

        // the same in Spanish
        var felipe = customer("Felipe");
        felipe.says("hola");
        felipe.taps(felipe.hears(), "Acepto");
        felipe.hears();
        felipe.hears();
        felipe.sharesLocation(usaquen.latitude(), usaquen.longitude());
        felipe.hears();
        AI.answer("quiero una hamburguesa de res", intent("search", 0.9, items(burger)));
        felipe.says("quiero una hamburguesa de res");
        var detalles = felipe.hears();
        assertThat(detalles.body()).contains("Tamaño (elige): Mini (−$4.000), Sencilla, Doble (+$8.000)");
        assertThat(detalles.options()).containsExactly("Agregar", "Ver menú", "Ver carrito");
        felipe.taps(detalles, "Agregar");
        assertThat(felipe.hears().body()).isEqualTo("Elige Tamaño para Burger:");
    }

    @Test
    @org.junit.jupiter.api.Order(55)
    void staff_answer_orders_in_their_own_words_and_pick_the_order_from_a_list_when_several_wait() {
        var arepas = restaurant(
                "Arepas de la 59",
                new GeoLocation(4.6494, -74.0635),
                "Chapinero",
                List.of(new MenuItem("ar-choclo", "Arepa de choclo", null, "Arepas", Cop.of(9_000), true, List.of())),
                "573109991301");
        var rosa = chat.staff("573109991301", "Rosa");
        AI.answer("dale, confirmo ese pedido", intent("order_accept", 0.9, ""));
        AI.answer("no puedo con ese", intent("order_reject", 0.88, ""));
        AI.answer("ya salió el pedido", intent("order_ready", 0.9, ""));

        // with no order waiting the staff are told so
        rosa.says("dale, confirmo ese pedido");
        assertThat(rosa.hears().body()).isEqualTo("No tienes pedidos esperando respuesta.");

        // given one order waits, the staff confirm it in their own words and the customer is told
        var lina = customer("Lina");
        String first = arepaOrder(lina, arepas);
        rosa.hearsAbout("🔔 Nuevo pedido #" + first);
        rosa.says("dale, confirmo ese pedido");
        assertThat(lina.hears().body()).startsWith("🎉 Arepas de la 59 aceptó tu pedido #" + first);
        assertThat(order(first).status()).isEqualTo(OrderStatus.CONFIRMED);

        // given two more wait, rejecting without a number lists both to tap, and the one tapped is rejected
        var tomas = customer("Tomás");
        String second = arepaOrder(tomas, arepas);
        rosa.hearsAbout("🔔 Nuevo pedido #" + second);
        var sofia = customer("Sofía");
        String third = arepaOrder(sofia, arepas);
        rosa.hearsAbout("🔔 Nuevo pedido #" + third);
        rosa.says("no puedo con ese");
        var which = rosa.hearsAbout("¿Cuál pedido rechazas?");
        assertThat(which.options()).containsExactly("#" + second, "#" + third);
        rosa.taps(which, "#" + third);
        rosa.taps(rosa.hearsAbout("¿Por qué rechazas el #" + third), "Se acabó un producto");
        assertThat(sofia.hears().body()).startsWith("Lo siento, Arepas de la 59 no pudo aceptar tu pedido #" + third);
        assertThat(order(second).status()).isEqualTo(OrderStatus.PENDING);

        // and "it's out" acts on the only order being prepared, not on the one still waiting for an answer
        rosa.says("ya salió el pedido");
        assertThat(lina.hearsAbout("está listo").body())
                .isEqualTo("Tu pedido #" + first + " está listo y espera al rapitendero.");
        assertThat(order(first).status()).isEqualTo(OrderStatus.READY);
        assertThat(order(second).status()).isEqualTo(OrderStatus.PENDING);
    }

    /** A cash order of one arepa at Arepas de la 59; answers the order number. */
    String arepaOrder(Chat.Person customer, Restaurant arepas) {
        consentedNearChapinero(customer);
        customer.tapsId("rest:" + arepas.id().value(), "Arepas de la 59", true);
        customer.taps(customer.hears(), "Arepa de choclo");
        assertThat(customer.hears().body()).isEqualTo("Agregué 1× Arepa de choclo 🛒");
        customer.taps(customer.hears(), "Pagar");
        customer.taps(customer.hears(), "Efectivo");
        customer.taps(customer.hears(), "Confirmar");
        return placedReference(customer.hears());
    }

    /** The ticket id behind a staff complaint alert's buttons. */
    static String ticketOf(Chat.Heard alert) {
        return alert.idOf("Lo resolvemos").split(":")[1];
    }

    /** A cash order at Fritanga La 57: one picada and some gaseosas; answers the order number. */
    String fritangaOrder(Chat.Person customer, int gaseosas) {
        customer.taps(consentedNearChapinero(customer), "Fritanga La 57");
        var menu = customer.hears();
        customer.taps(menu, "Picada");
        customer.hears();
        for (int i = 0; i < gaseosas; i++) {
            customer.taps(customer.hears(), "Seguir pidiendo");
            customer.taps(customer.hears(), "Gaseosa");
            customer.hears();
        }
        customer.taps(customer.hears(), "Pagar");
        customer.taps(customer.hears(), "Efectivo");
        customer.taps(customer.hears(), "Confirmar");
        return placedReference(customer.hears());
    }
    // ------------------------------------------------------------------ consent and promotions (Ley 1581)

    @Test
    @org.junit.jupiter.api.Order(55)
    void the_promotions_question_comes_once_after_a_good_rating_and_a_yes_is_a_marketing_grant() {
        // given Marta's first order was delivered
        var marta = customer("Marta Díaz");
        marta.taps(bandejaInCashSummary(marta), "Confirmar");
        String first = placedReference(marta.hears());
        deliveredNow(first);

        // when she rates it well, she is asked about promotions and says yes
        marta.says("5");
        assertThat(marta.hearsAbout("Gracias por calificar").body()).isEqualTo("¡Gracias por calificar! 🙌");
        var ask = marta.hears();
        assertThat(ask.body()).startsWith("¿Quieres que te avisemos de promociones");
        marta.taps(ask, "Sí");

        // then a marketing grant is recorded under the policy in force
        assertThat(marta.hears().body()).startsWith("¡Listo! Te avisaremos de promociones.");
        assertThat(consents.mayMarket(marta.waId)).isTrue();
        assertThat(consents.marketing(marta.waId).orElseThrow().policyVersion()).isEqualTo("2026-11");
        // and her "Acepto" was recorded with the policy version the question showed
        assertThat(consents.history(marta.waId))
                .extracting(Decision::purpose, Decision::granted, Decision::policyVersion)
                .containsExactly(
                        Tuple.tuple(ConsentPurpose.PERSONAL_DATA, true, "2026-11"),
                        Tuple.tuple(ConsentPurpose.MARKETING, true, "2026-11"));

        // when her next order is delivered and rated well too
        marta.says("hola");
        marta.taps(marta.hearsAbout("¡Hola de nuevo"), "Repetir pedido");
        marta.taps(marta.hearsAbout("Bandeja paisa"), "Confirmar");
        String second = placedReference(marta.hearsAbout("enviado a La Fonda Paisa"));
        deliveredNow(second);
        marta.says("4");
        assertThat(marta.hearsAbout("Gracias por calificar").body()).isEqualTo("¡Gracias por calificar! 🙌");

        // then she is not asked again: her next message gets the home screen
        marta.says("hola");
        assertThat(marta.hears().body()).startsWith("¡Hola de nuevo");
    }

    @Test
    @org.junit.jupiter.api.Order(56)
    void promotions_withdrawn_by_any_route_stop_the_win_back_template_which_still_goes_to_a_consenting_customer() {
        // given a restaurant in Medellín and five customers near it who consented, got an order there weeks ago and
        // said yes to promotions
        var nata = restaurant(
                "Donde Ñata",
                new GeoLocation(6.2476, -75.5658),
                "El Poblado",
                List.of(new MenuItem("dn-bandeja", "Bandeja", null, "Platos", Cop.of(30_000), true, List.of())),
                "573109995501");
        var near = new GeoLocation(6.2450, -75.5700);
        var ana = withOldDelivery("Ana Gómez", nata, near, 22);
        var beto = withOldDelivery("Beto Ruiz", nata, near, 21);
        var carla = withOldDelivery("Carla Mejía", nata, near, 20);
        var dario = withOldDelivery("Darío Peña", nata, near, 19);
        var elena = withOldDelivery("Elena Vargas", nata, near, 16);
        String withdrawn = "Listo, no te enviaremos más promociones. Puedes seguir pidiendo cuando quieras.";

        // when Ana writes "no más promociones", Beto "STOP", and Carla something ai-service reads as opt_out
        ana.says("no más promociones");
        assertThat(ana.hears().body()).isEqualTo(withdrawn);
        beto.says("STOP");
        assertThat(beto.hears().body()).isEqualTo(withdrawn);
        AI.answer("dejen de escribirme", intent("opt_out", 0.9, ""));
        carla.says("dejen de escribirme");
        assertThat(carla.hears().body()).isEqualTo(withdrawn);

        // and the win-back runs
        var firstRun = winningBack.run();

        // then Darío and Elena get the template with their first name, the open restaurants near them and its two
        // quick replies, and the three who withdrew get nothing
        assertThat(firstRun).isEqualTo(new WinningBackCustomers.Run(2, 2));
        for (var person : List.of(dario, elena)) {
            var template = person.hears();
            assertThat(template.kind()).isEqualTo(OutboundKind.TEMPLATE);
            assertThat(template.body()).isEqualTo("bienvenida_de_nuevo");
            assertThat(template.command().getTemplate().getLanguageCode()).isEqualTo("es");
            assertThat(template.templateBody()).containsExactly(person.name.split(" ")[0], "1");
            assertThat(template.templateQuickReplies()).containsExactly("home:near", "promo:no:es");
        }
        List.of(ana, beto, carla)
                .forEach(person -> assertThat(templatesTo(person)).isEmpty());

        // when Darío taps the template's "No, gracias"
        dario.tapsTemplateButton("promo:no:es", "No, gracias");
        assertThat(dario.hears().body()).isEqualTo(withdrawn);

        // and a month later the win-back runs again
        jdbc.sql("UPDATE marketing_win_back SET sent_at = sent_at - interval '31 days'")
                .update();
        var secondRun = winningBack.run();

        // then only Elena gets it again, and "Pedir ahora" starts her order
        assertThat(secondRun).isEqualTo(new WinningBackCustomers.Run(1, 1));
        assertThat(elena.hears().body()).isEqualTo("bienvenida_de_nuevo");
        assertThat(templatesTo(dario)).hasSize(1);
        List.of(ana, beto, carla)
                .forEach(person -> assertThat(templatesTo(person)).isEmpty());
        elena.tapsTemplateButton("home:near", "Pedir ahora");
        assertThat(elena.hears().kind()).isEqualTo(OutboundKind.LOCATION_REQUEST);

        // and the ledger keeps the proof of each decision
        assertThat(consents.history(dario.waId))
                .extracting(Decision::purpose, Decision::granted)
                .containsExactly(
                        Tuple.tuple(ConsentPurpose.PERSONAL_DATA, true),
                        Tuple.tuple(ConsentPurpose.MARKETING, true),
                        Tuple.tuple(ConsentPurpose.MARKETING, false));
        assertThat(consents.mayMarket(elena.waId)).isTrue();
    }

    /** The customer consented by chat, and an order of theirs was delivered {@code daysAgo}; they said yes to promotions. */
    Chat.Person withOldDelivery(String name, Restaurant restaurant, GeoLocation point, int daysAgo) {
        var person = customer(name);
        person.says("hola");
        person.taps(person.hears(), "Acepto");
        assertThat(person.hears().body()).isEqualTo("¡Gracias! Empecemos.");
        assertThat(person.hears().kind()).isEqualTo(OutboundKind.LOCATION_REQUEST);
        Instant at = Instant.now().minus(Duration.ofDays(daysAgo));
        transaction.executeWithoutResult(tx -> {
            var draft = new Order.Draft(
                    new Customer(person.waId, person.waId, null, name),
                    restaurant,
                    List.of(new OrderLine("dn-bandeja", "Bandeja", 1, Cop.of(30_000), List.of(), null)),
                    PaymentMethod.CASH,
                    null,
                    new DeliveryAddress("Carrera 43A # 1-50", point),
                    null);
            var o = Order.place(draft, OrderId.newId(), orders.nextReference(), "1234", at)
                    .order();
            o = o.confirm(20, "staff", at).order();
            o = o.startPreparing("staff", at).order();
            o = o.ready("staff", at).order();
            o = o.pickedUp("Camilo", point, at).order();
            o = o.delivered(at.plusSeconds(1800)).order();
            orders.add(o);
            consents.grantMarketing(person.waId);
        });
        return person;
    }

    /** The order goes from pending to delivered now, as the restaurant and dispatch would move it. */
    void deliveredNow(String reference) {
        transaction.executeWithoutResult(tx -> {
            Instant now = Instant.now();
            var o = order(reference).confirm(20, "staff", now).order();
            o = o.startPreparing("staff", now).order();
            o = o.ready("staff", now).order();
            o = o.pickedUp("Camilo", CHAPINERO, now).order();
            orders.save(o.delivered(now).order());
        });
    }

    List<String> templatesTo(Chat.Person person) {
        return chat.to(person.waId).stream()
                .filter(c -> c.getKind() == OutboundKind.TEMPLATE)
                .map(c -> c.getTemplate().getName())
                .toList();
    }
}
