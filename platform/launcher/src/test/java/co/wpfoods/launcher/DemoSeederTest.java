package co.wpfoods.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.launcher.DemoSeeder.Part;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seeding decision (what a start still loads) and its retry: a fake order-service (a real HTTP server speaking the
 * restaurants API) and a fake health source stand in for a service that came up after the health timeout.
 */
class DemoSeederTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    final Map<String, String> restaurants = new ConcurrentHashMap<>(); // name -> id
    final AtomicInteger registrations = new AtomicInteger();
    final Map<String, Boolean> up = new ConcurrentHashMap<>();
    HttpServer orderService;
    LauncherOptions options;

    @BeforeEach
    void fakeOrderService() throws IOException {
        new LocalSecurity(dataDir).prepare();
        for (int offset = 21_000 + (int) (ProcessHandle.current().pid() % 500); ; offset += 37) {
            try {
                orderService =
                        HttpServer.create(new InetSocketAddress("localhost", new Ports(offset).of("order-service")), 0);
                options = LauncherOptions.parse(
                        "up", "--data-dir", dataDir.toString(), "--port-offset", Integer.toString(offset));
                break;
            } catch (java.net.BindException busy) {
                // another offset
            }
        }
        orderService.createContext("/api/orders/restaurants", this::restaurantsApi);
        orderService.start();
    }

    @AfterEach
    void stop() {
        orderService.stop(0);
    }

    @Test
    void a_first_start_loads_phones_restaurants_and_rapitenderos() {
        assertThat(new DemoSeeder(options, out).due()).containsExactly(Part.PHONES, Part.RESTAURANTS, Part.WORKERS);
    }

    @Test
    void a_marker_written_by_an_older_launcher_counts_for_restaurants_and_rapitenderos() throws IOException {
        Files.writeString(
                dataDir.resolve("demo-data.json"),
                "{\"restaurants\": [], \"workers\": [], \"loadedAt\": \"2026-12-01T10:00:00Z\"}");

        assertThat(new DemoSeeder(options, out).due()).containsExactly(Part.PHONES);
    }

    @Test
    void restaurants_wait_for_a_late_order_service_are_loaded_when_it_comes_up_and_never_twice() {
        var seeder = new DemoSeeder(options, out);
        try (var whenUp = new WhenUp(s -> up.getOrDefault(s, false), Duration.ofMillis(20), out)) {
            // given order-service missed the health timeout
            boolean now = whenUp.then(Part.RESTAURANTS.service, () -> seeder.load(Part.RESTAURANTS));
            assertThat(now).isFalse();
            assertThat(registrations).hasValue(0);

            // when it comes up later in the same run
            up.put("order-service", true);

            // then the demo restaurants are loaded, and remembered for the next start
            int demoRestaurants = DemoSeeder.data().get("restaurants").size();
            await("the demo restaurants are registered")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> !seeder.due().contains(Part.RESTAURANTS));
            assertThat(registrations).hasValue(demoRestaurants);
            assertThat(restaurants).containsKey("La Fonda Paisa");
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("✓ restaurant La Fonda Paisa");

        // the next start does not load them again; dispatch-service's part is still due
        assertThat(new DemoSeeder(options, out).due()).containsExactly(Part.PHONES, Part.WORKERS);
    }

    @Test
    void a_half_finished_load_is_not_remembered_and_the_retry_skips_what_is_already_registered() {
        // given order-service already has one demo restaurant (an earlier run stopped half-way)
        restaurants.put("La Fonda Paisa", "r-earlier");
        failRegistrationOf = "La Brasa Rola";
        var seeder = new DemoSeeder(options, out);

        seeder.load(Part.RESTAURANTS);

        int demoRestaurants = DemoSeeder.data().get("restaurants").size();
        assertThat(seeder.due()).contains(Part.RESTAURANTS);
        assertThat(registrations).hasValue(demoRestaurants - 2);

        // when the next try finds order-service healthy again
        failRegistrationOf = null;
        seeder.load(Part.RESTAURANTS);

        assertThat(seeder.due()).doesNotContain(Part.RESTAURANTS);
        assertThat(registrations).hasValue(demoRestaurants - 1);
        assertThat(restaurants).hasSize(demoRestaurants).containsEntry("La Fonda Paisa", "r-earlier");
    }

    volatile String failRegistrationOf;

    private void restaurantsApi(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (!exchange.getRequestHeaders().getFirst("Authorization").startsWith("Bearer ")) {
            respond(exchange, 401, "{}");
        } else if (method.equals("GET")) {
            respond(
                    exchange,
                    200,
                    JSON.writeValueAsString(restaurants.keySet().stream()
                            .map(name -> Map.of("name", name))
                            .toList()));
        } else if (method.equals("POST")) {
            String name = JSON.readTree(exchange.getRequestBody()).get("name").asString();
            if (name.equals(failRegistrationOf)) {
                respond(exchange, 503, "{\"detail\":\"busy\"}");
                return;
            }
            String id = "r-" + registrations.incrementAndGet();
            restaurants.put(name, id);
            respond(exchange, 201, JSON.writeValueAsString(Map.of("id", id)));
        } else if (method.equals("PUT") && path.endsWith("/menu")) {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 200, "{}");
        } else {
            respond(exchange, 404, "{}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var response = exchange.getResponseBody()) {
            response.write(bytes);
        }
    }
}
