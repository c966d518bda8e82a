package co.wpfoods.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.security.Role;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.testing.PostgresServer;
import co.wpfoods.testing.privacy.PersonalDataScan;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the whole platform through {@code ./wpfoods up} once for the whole class (it is heavy), then, in order: one
 * conversation through the simulator's REST API; two whole orders on the simulator's chat page in a headless Chromium
 * (Spanish, cash; English, card on the local card page), each with its restaurant and rapitendero; last, stops it with
 * SIGTERM (what Ctrl-C does) and checks that nothing is left running. Before stopping, the English customer asks to be
 * forgotten on the chat page and every service's database is searched for his number, name and address. The chat page tests are skipped, saying why,
 * when Chromium is not installed. Skip the class with {@code -Dwpfoods.e2e.skip=true}.
 */
@DisabledIfSystemProperty(named = "wpfoods.e2e.skip", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

    // every port stays below 32768, where Linux picks ephemeral ports for outgoing connections
    static final int PORT_OFFSET = 10000;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** How long one person waits for one answer: a shared 2-core machine under a full build is slow. */
    static final Duration REPLY = Duration.ofSeconds(60);

    static final Pattern ORDER_NUMBER = Pattern.compile("#(\\d{4,})");

    Path repo;
    Path dataDir;
    Path console;
    Process launcher;
    PlatformState state;
    final Ports ports = new Ports(PORT_OFFSET);
    final List<ProcessHandle> started = new ArrayList<>();

    @BeforeAll
    void startThePlatformThroughTheLauncher() throws IOException {
        repo = Path.of(System.getProperty("wpfoods.repo", "../.."))
                .toAbsolutePath()
                .normalize();
        dataDir = Files.createTempDirectory("wpfoods-e2e");
        console = repo.resolve("platform/launcher/target/e2e-launcher-console.log");
        var command = new ProcessBuilder(
                        repo.resolve("wpfoods").toString(),
                        "up",
                        "--no-build",
                        "--data-dir",
                        dataDir.toString(),
                        "--port-offset",
                        Integer.toString(PORT_OFFSET),
                        // a shared 2-core machine in the middle of other builds has taken over 10 minutes to start
                        // eight JVMs
                        "--health-timeout",
                        "900")
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile());
        // ai-service's answer may take longer than the production limit (300 ms) on a shared 2-core machine in the
        // middle of a build; then the conversation answers with buttons instead of understanding the text, which is
        // right for a person but not what these conversations check (they type on purpose)
        command.environment().put("WPFOODS_ORDER_AI_TIMEOUT", "5s");
        command.environment().put("WPFOODS_DISPATCH_AI_TIMEOUT", "5s");
        launcher = command.start();

        // the platform started by ./wpfoods up, healthy and seeded
        state = await("the launcher reports every service healthy or failed (see " + console + ")")
                .atMost(Duration.ofMinutes(20))
                .pollInterval(Duration.ofSeconds(1))
                .failFast("the launcher exited", () -> !launcher.isAlive())
                .until(
                        () -> PlatformState.read(dataDir.resolve("launcher.json"))
                                .orElse(null),
                        s -> s != null && (s.phase().equals("up") || s.phase().equals("degraded")));
        await("the demo data is loaded")
                .atMost(Duration.ofMinutes(2))
                .until(() -> Files.readString(console).contains("WPFoods is up after"));
        started.addAll(launcher.descendants().toList());
        started.addAll(LauncherBench.postgresProcesses(dataDir.resolve("postgres")));
    }

    @Test
    @Order(1)
    void every_service_is_healthy_and_a_customer_who_says_hola_gets_the_reply() throws Exception {
        var soft = new SoftAssertions();
        soft.assertThat(state.services())
                .as("every service healthy (launcher console: %s)", console)
                .allSatisfy(service ->
                        assertThat(service.status()).as(service.name()).isEqualTo("up"));

        // when a new customer says "hola" in the simulator
        String simulator = ports.url("whatsapp-simulator") + "/sim/api";
        String customer = "573009871234";
        List<JsonNode> received = new ArrayList<>();
        try {
            soft.assertThat(post(simulator + "/phones", "{\"name\":\"Cliente E2E\",\"number\":\"" + customer + "\"}")
                            .statusCode())
                    .isEqualTo(201);
            soft.assertThat(post(
                                    simulator + "/phones/" + customer + "/messages",
                                    "{\"type\":\"text\",\"text\":\"hola\"}")
                            .statusCode())
                    .isEqualTo(202);

            // then WPFoods answers through gateway → webhook-service → order-service → messaging-service → Graph API
            await("WPFoods replies to the customer")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        received.clear();
                        JSON.readTree(get(simulator + "/phones/" + customer + "/messages?direction=received")
                                        .body())
                                .forEach(received::add);
                        return !received.isEmpty();
                    });
        } catch (IOException e) {
            soft.fail("the simulator's REST API did not answer: %s", e);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            soft.fail(
                    "no reply reached the customer in 90 s; webhook deliveries: %s",
                    get(simulator + "/deliveries").body());
        }
        soft.assertThat(received.toString()).as("the reply").containsIgnoringCase("WPFoods");
        soft.assertAll();
    }

    @Test
    @Order(2)
    void on_the_chat_page_a_customer_orders_in_spanish_and_pays_cash_and_the_restaurant_and_a_rapitendero_deliver_it()
            throws IOException {
        assumeChromium();
        assumeSeeded();
        try (ChatPage page = new ChatPage(ports.url("whatsapp-simulator") + "/", REPLY)) {
            ChatPage.Phone laura = page.phone(DemoNumbers.LAURA);
            ChatPage.Phone gloria = page.phone(DemoNumbers.LA_FONDA_PAISA);
            ChatPage.Phone camilo = page.phone(DemoNumbers.CAMILO);

            // given Camilo, a rapitendero in Chapinero, confirms his registration and goes online
            goOnline(camilo, "Chapinero", "Confirmar", "Conectarme", "ubicación", "Estás conectado");

            // when Laura, a new customer, orders by text and taps in Spanish and pays cash
            int seen = laura.received();
            laura.write("hola");
            seen = next(laura, seen, "Ley 1581");
            laura.tap("Acepto");
            seen = next(laura, seen, "¿Dónde te llevamos la comida?");
            laura.shareLocation("Chapinero");
            seen = next(laura, seen, "cerca de ti. Elige uno");
            laura.write("dos bandejas paisas y una limonada de coco");
            seen = next(laura, seen, "Agregué 2× Bandeja paisa, 1× Limonada de coco");
            laura.tap("Pagar");
            seen = next(laura, seen, "¿Cómo pagas?");
            laura.tap("Efectivo");
            seen = next(laura, seen, "Total: $80.700", "Efectivo");
            laura.write("pago con billete de 100 mil");
            seen = next(laura, seen, "pagas con $100.000");
            laura.tap("Confirmar");
            String placed = laura.waitFor(seen, "¡Pedido #", "enviado a La Fonda Paisa", "PIN");
            seen = laura.received();
            String order = orderNumber(placed);
            String pin = ChatPage.deliveryPin(placed);

            // then the order took at most 8 of her messages (issue 12's target for a first order)
            assertThat(laura.sent())
                    .as("Laura's messages from hola to a placed order")
                    .isLessThanOrEqualTo(8);

            // when the restaurant accepts it
            int kitchen = gloria.received();
            gloria.waitFor(0, "Nuevo pedido #" + order, "2× Bandeja paisa");
            gloria.tap("Aceptar");
            kitchen = next(gloria, kitchen, "Pedido #" + order + " aceptado", "25 min");
            // then Laura is told, with the time
            seen = next(laura, seen, "La Fonda Paisa aceptó tu pedido #" + order, "25 min");

            // when Camilo gets the offer (with the cash note) and accepts it
            int rider = camilo.received();
            rider = next(camilo, rider, "Nuevo pedido #" + order, "La Fonda Paisa", "$100.000");
            camilo.tap("Aceptar");
            rider = next(camilo, rider, "¡Es tuyo! Pedido #" + order, "Calle 60 # 9-32");
            seen = next(laura, seen, "Camilo llevará tu pedido #" + order);

            // when the restaurant says it is ready, by text
            gloria.write("listo " + order);
            next(gloria, kitchen, "#" + order + " listo");
            seen = next(laura, seen, "Tu pedido #" + order + " está listo");
            rider = next(camilo, rider, "El pedido #" + order + " está listo para recoger");

            // when Camilo picks it up
            camilo.tap("Recogido");
            rider = next(camilo, rider, "Lleva el pedido #" + order + " a Laura", "Cobra $80.700", "$19.300 de cambio");
            seen = next(laura, seen, "Camilo recogió tu pedido #" + order);

            // when he delivers it with Laura's PIN
            camilo.tap("Entregado");
            rider = next(camilo, rider, "PIN");
            camilo.write(pin);
            next(camilo, rider, "¡Entregado!", "Pedido #" + order);
            // then Laura is asked for a rating and gets her receipt
            laura.waitFor(seen, "¡Pedido #" + order + " entregado!");
            laura.waitFor(seen, "Recibo", "Pagado en efectivo");

            // and Camilo ends his shift, so the next order goes to another rapitendero
            rider = camilo.received();
            camilo.tap("Desconectarme");
            next(camilo, rider, "Te desconectaste");
        }
    }

    @Test
    @Order(3)
    void on_the_chat_page_a_customer_orders_in_english_and_pays_by_card_on_the_local_card_page() throws IOException {
        assumeChromium();
        assumeSeeded();
        try (ChatPage page = new ChatPage(ports.url("whatsapp-simulator") + "/", REPLY)) {
            ChatPage.Phone andres = page.phone(DemoNumbers.ANDRES);
            ChatPage.Phone jhon = page.phone(DemoNumbers.LA_BRASA_ROLA);
            ChatPage.Phone daniela = page.phone(DemoNumbers.DANIELA);

            // given Daniela, a rapitendero in Usaquén, confirms her registration and goes online
            goOnline(daniela, "Usaquén", "Confirmar", "Conectarme", "ubicación", "Estás conectado");

            // when Andrés writes in English, picks a restaurant, orders by text and pays by card
            int seen = andres.received();
            andres.write("Hi, I want to order lunch");
            seen = next(andres, seen, "Law 1581");
            andres.tap("I agree");
            seen = next(andres, seen, "Where should we bring your food?");
            andres.shareLocation("Usaquén");
            seen = next(andres, seen, "near you");
            andres.pick("La Brasa Rola");
            seen = next(andres, seen, "La Brasa Rola menu");
            andres.write("one classic burger and two fries please");
            seen = next(andres, seen, "Added", "1× Hamburguesa Clásica", "2× Papas a la francesa");
            andres.tap("Checkout");
            seen = next(andres, seen, "How will you pay?");
            andres.tap("Card");
            seen = next(andres, seen, "Total: $40.700", "Card");
            andres.tap("Confirm");
            String placed = andres.waitFor(seen, "Order #", "La Brasa Rola", "$40.700", "PIN");
            String order = orderNumber(placed);
            String pin = ChatPage.deliveryPin(placed);
            assertThat(andres.sent())
                    .as("Andrés' messages from hi to a placed order")
                    .isLessThanOrEqualTo(8);

            // when he opens the pay link and pays on the local card page (no Stripe key)
            andres.openLink();
            page.waiting(REPLY).until(driver -> driver.getPageSource().contains("#" + order));
            page.browser.findElement(By.id("pay")).click();
            page.waiting(REPLY)
                    .until(driver -> driver.findElement(By.cssSelector(".result"))
                            .getText()
                            .contains("✅"));
            page.backToChat();

            // then he sees the payment and the order confirmed in the chat, in English
            seen = next(andres, seen, "Payment received", "#" + order, "La Brasa Rola");

            // when the restaurant accepts it by text with its own time
            int kitchen = jhon.received();
            // (Daniela's count is taken before the acceptance: dispatch may offer her the order before Andrés's
            // phone shows the confirmation)
            int rider = daniela.received();
            jhon.waitFor(0, "Nuevo pedido #" + order, "Hamburguesa Clásica");
            jhon.write("acepto " + order + " en 15 min");
            kitchen = next(jhon, kitchen, "Pedido #" + order + " aceptado", "15 min");
            seen = next(andres, seen, "La Brasa Rola accepted your order #" + order, "15 min");

            // when Daniela gets the offer and accepts it
            rider = next(daniela, rider, "Nuevo pedido #" + order, "La Brasa Rola");
            daniela.tap("Aceptar");
            rider = next(daniela, rider, "¡Es tuyo! Pedido #" + order);
            seen = next(andres, seen, "Daniela will bring your order #" + order);

            // when the restaurant taps Listo
            jhon.tap("Listo");
            next(jhon, kitchen, "#" + order + " listo");
            seen = next(andres, seen, "Your order #" + order + " is ready");

            // when Daniela picks it up and delivers it, writing the PIN in the same message
            daniela.tap("Recogido");
            rider = next(daniela, rider, "Lleva el pedido #" + order + " a Andrés");
            seen = next(andres, seen, "Daniela picked up your order #" + order);
            daniela.write("entregado, pin " + pin);
            next(daniela, rider, "¡Entregado!", "Pedido #" + order);

            // then Andrés is asked how it was, in English
            andres.waitFor(seen, "Order #" + order + " delivered!", "How was it?");
            andresOrder = order;
        }
    }

    /** Andrés' order, once it is paid and delivered (the erasure test forgets him). */
    String andresOrder;

    /** Where the receipts of the privacy notices, which arrive after the erasure, are archived (see the erasure test). */
    static final String RECEIPTS_KNOWN_GAP = " in raw_webhook_party (";

    static final List<String> SERVICES_WITH_DATA = List.of(
            "order-service",
            "dispatch-service",
            "payment-service",
            "messaging-service",
            "webhook-service",
            "ai-service");

    @Test
    @Order(4)
    void a_customer_with_a_paid_and_delivered_order_asks_to_be_forgotten_and_no_service_keeps_his_data()
            throws Exception {
        assumeChromium();
        Assumptions.assumeTrue(andresOrder != null, "Andrés' card order did not reach delivery in the test before");
        String phone = DemoNumbers.ANDRES;
        String name = "Andrés Felipe Ruiz";
        String address = "Cra. 6 #119-24";

        // given Andrés' data is in the services' databases, in clear or by its lookup hash (the scan sees it: it can
        // fail)
        List<String> before = new ArrayList<>(holding(phone, name, address));
        before.addAll(holding(lookupHashes(phone)));
        assertThat(before).as("before the erasure the scan finds Andrés").isNotEmpty();

        // when he writes "borrar mis datos" and confirms with the button
        try (ChatPage page = new ChatPage(ports.url("whatsapp-simulator") + "/", REPLY)) {
            ChatPage.Phone andres = page.phone(phone);
            int seen = andres.received();
            andres.write("borrar mis datos");
            seen = next(andres, seen, "Do you want us to delete your data?", "tax law");
            andres.tap("Yes, delete");
            seen = next(andres, seen, "We are deleting your data");

            // then he is told when every service has done it
            andres.waitFor(seen, "We deleted your WPFoods data");
        }

        // and the erasure report shows every service's confirmation
        JsonNode report = JSON.readTree(HTTP.send(
                                HttpRequest.newBuilder(URI.create(
                                                ports.url("order-service") + "/api/orders/privacy/erasures?size=1"))
                                        .header(
                                                "Authorization",
                                                "Bearer "
                                                        + new LocalSecurity(dataDir)
                                                                .mint("e2e-ops", List.of(Role.OPS), List.of()))
                                        .timeout(Duration.ofSeconds(10))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .get(0);
        assertThat(report.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(report.path("requestedBy").asString()).isEqualTo("CHAT");
        List<String> confirmed = new ArrayList<>();
        report.path("services").forEach(service -> {
            if (service.path("confirmed").asBoolean()) {
                confirmed.add(service.path("service").asString());
            }
        });
        assertThat(confirmed).containsExactlyInAnyOrderElementsOf(SERVICES_WITH_DATA);

        // and no table of any service holds his number, name or address in clear, nor his number's lookup hash: the
        // staff and rapitendero notices that named him went with his order's erasure; the privacy notices themselves
        // ("we deleted your data") and his queue row in messaging-service go as soon as they are final (its
        // privacy-notice purge runs every 10 s). One known place keeps his hash (issue 16 open, webhook-service README
        // "Data protection"): Meta's receipts (sent, delivered, read) of the privacy notices arrive after
        // webhook-service has erased him — "we deleted your data" is sent only once every service confirmed — and are
        // archived, encrypted, with his hash in raw_webhook_party until the retention job. Printed, so the gap stays
        // visible until fixed.
        List<String> hashes = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(holding(phone, name, address))
                            .as("Andrés' data left in any service")
                            .isEmpty();
                    hashes.clear();
                    hashes.addAll(holding(lookupHashes(phone)));
                    assertThat(hashes)
                            .as("Andrés' lookup hash left in any service")
                            .allMatch(found ->
                                    found.startsWith("webhook-service: ") && found.contains(RECEIPTS_KNOWN_GAP));
                });
        System.out.println("Known gap, receipts of the privacy notices archived after the erasure: " + hashes);

        // and his order's totals and tax figures stay (tax law), without him
        try (Connection orders = database("order-service");
                var statement = orders.prepareStatement("SELECT total_cop, iva_cop, customer_wa_id_hash,"
                        + " customer_wa_id_enc, customer_name_enc, delivery_address_enc, delivery_point_enc"
                        + " FROM customer_order WHERE reference = ?")) {
            statement.setString(1, andresOrder);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("order #%s kept", andresOrder).isTrue();
                assertThat(row.getLong("total_cop")).isEqualTo(40_700);
                assertThat(row.getLong("iva_cop")).isPositive();
                // stored encrypted (and the number as a keyed hash) since V5; erased, none of it is left
                assertThat(row.getBytes("customer_wa_id_hash")).isNull();
                assertThat(row.getBytes("customer_wa_id_enc")).isNull();
                assertThat(row.getBytes("customer_name_enc")).isNull();
                assertThat(row.getBytes("delivery_address_enc")).isNull();
                assertThat(row.getBytes("delivery_point_enc")).isNull();
            }
        }
        try (Connection payments = database("payment-service");
                var statement = payments.prepareStatement(
                        "SELECT amount_cop, iva_cop FROM payment WHERE order_reference = ?")) {
            statement.setString(1, andresOrder);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next())
                        .as("payment of order #%s kept", andresOrder)
                        .isTrue();
                assertThat(row.getLong("amount_cop")).isEqualTo(40_700);
                assertThat(row.getLong("iva_cop")).isPositive();
            }
        }
    }

    /** "value in service.table (n rows)" for every service database holding any of the values. */
    List<String> holding(String... values) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String service : SERVICES_WITH_DATA) {
            var source = new PGSimpleDataSource();
            source.setUrl(jdbcUrl(service));
            source.setUser(PostgresServer.USER);
            source.setPassword(PostgresServer.PASSWORD);
            new PersonalDataScan(source).holding(values).forEach(line -> found.add(service + ": " + line));
        }
        return found;
    }

    /**
     * The keyed hashes a service would look his number up by (under every key of this run's lookup keyset), as a
     * {@code bytea} column reads as text (hex) and as Base64 text.
     */
    String[] lookupHashes(String value) throws IOException {
        var keys = new Properties();
        try (var in = Files.newBufferedReader(new LocalSecurity(dataDir).keysFile())) {
            keys.load(in);
        }
        List<String> forms = new ArrayList<>();
        for (byte[] hash : new LookupHash(keys.getProperty("wpfoods.security.keys.lookup")).candidates(value)) {
            forms.add(HexFormat.of().formatHex(hash));
            forms.add(Base64.getEncoder().encodeToString(hash));
        }
        return forms.toArray(String[]::new);
    }

    Connection database(String service) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(service), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    String jdbcUrl(String service) {
        return "jdbc:postgresql://localhost:" + ports.postgres() + "/" + Services.databaseOf(service);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void ctrl_c_stops_every_process_the_launcher_started() throws Exception {
        var soft = new SoftAssertions();
        // when the platform is stopped the way Ctrl-C stops it
        launcher.destroy();
        soft.assertThat(launcher.waitFor(3, TimeUnit.MINUTES))
                .as("the launcher stops within 3 minutes")
                .isTrue();

        // then no process it started is left, and its state file is gone
        await("every child process is gone")
                .atMost(Duration.ofSeconds(20))
                .until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
        soft.assertThat(started).as("processes started by the launcher").isNotEmpty();
        soft.assertThat(dataDir.resolve("launcher.json")).doesNotExist();
        soft.assertAll();
    }

    /** The customer, restaurant staff and rapitendero numbers of the demo data (seed/demo-data.json). */
    static final class DemoNumbers {
        static final String LAURA = "573001112233";
        static final String ANDRES = "573001112244";
        static final String LA_FONDA_PAISA = "573105550101";
        static final String LA_BRASA_ROLA = "573105550102";
        static final String CAMILO = "573005550301";
        static final String DANIELA = "573005550302";
    }

    /** A rapitendero confirms the welcome, taps Conectarme and shares where they are. */
    private static void goOnline(
            ChatPage.Phone worker,
            String where,
            String confirm,
            String connect,
            String locationAsked,
            String connected) {
        int seen = worker.received();
        worker.waitFor(0, "WPFoods");
        worker.tap(confirm);
        seen = next(worker, seen, connect);
        worker.tap(connect);
        seen = next(worker, seen, locationAsked);
        worker.shareLocation(where);
        next(worker, seen, connected);
    }

    /** Waits for a new message with every fragment; returns how many messages the phone shows after it. */
    private static int next(ChatPage.Phone phone, int seen, String... fragments) {
        phone.waitFor(seen, fragments);
        return phone.received();
    }

    private static String orderNumber(String placed) {
        Matcher m = ORDER_NUMBER.matcher(placed);
        assertThat(m.find()).as("an order number in: %s", placed).isTrue();
        return m.group(1);
    }

    private static void assumeChromium() {
        Assumptions.assumeTrue(ChatPage.available(), ChatPage.MISSING);
    }

    private void assumeSeeded() throws IOException {
        assertThat(Files.readString(console))
                .as("the demo restaurants and rapitenderos are loaded (launcher console: %s)", console)
                .contains("✓ restaurant La Fonda Paisa", "✓ restaurant La Brasa Rola", "✓ 3 rapitenderos");
    }

    @AfterAll
    void leaveNothingBehind() throws IOException {
        if (launcher.isAlive()) {
            started.addAll(launcher.descendants().toList());
            launcher.destroy();
            try {
                launcher.waitFor(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        started.addAll(LauncherBench.postgresProcesses(dataDir.resolve("postgres")));
        Set<Long> alive = started.stream()
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
        started.forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
        LauncherBench.deleteRecursively(dataDir);
        assertThat(alive).as("processes still alive after the test").isEmpty();
    }

    static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
