package co.wpfoods.launcher;

import co.wpfoods.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the demo data ({@code seed/demo-data.json}) through the owning services' own APIs: restaurants and menus into
 * order-service, rapitenderos into dispatch-service — once, remembered in {@code .data/demo-data.json} — and, on every
 * start (the simulator keeps its phones in memory), one simulator phone per customer, restaurant staff member and
 * worker. Each service's issue extends this as the service grows.
 */
final class DemoSeeder {

    static final String RESOURCE = "/seed/demo-data.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LauncherOptions options;
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String opsToken;

    DemoSeeder(LauncherOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    Path marker() {
        return options.dataDir().resolve("demo-data.json");
    }

    static JsonNode data() {
        try (InputStream in = DemoSeeder.class.getResourceAsStream(RESOURCE)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Seeds what the running services accept; says what it skipped and why. */
    void seed(Map<String, String> status) {
        JsonNode data = data();
        if ("up".equals(status.get("whatsapp-simulator"))) {
            int phones = simulatorPhones(data);
            out.printf("  ✓ simulator: %d demo phones (customers, restaurant staff, rapitenderos)%n", phones);
        } else {
            out.println("  ✗ simulator not up: demo phones not created");
        }
        if (Files.exists(marker())) {
            out.println("  ✓ demo restaurants and rapitenderos already loaded ("
                    + LauncherOptions.shown(options.repo(), marker()) + ")");
            return;
        }
        Map<String, Object> loaded = new LinkedHashMap<>();
        boolean complete = true;
        if ("up".equals(status.get("order-service"))) {
            loaded.put("restaurants", restaurants(data));
        } else {
            complete = false;
            out.println("  ✗ order-service not up: demo restaurants not loaded (they will be on the next start)");
        }
        if ("up".equals(status.get("dispatch-service"))) {
            loaded.put("workers", workers(data));
        } else {
            complete = false;
            out.println("  ✗ dispatch-service not up: demo rapitenderos not loaded (they will be on the next start)");
        }
        if (complete) {
            loaded.put("loadedAt", Instant.now().toString());
            try {
                Files.writeString(
                        marker(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(loaded));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private int simulatorPhones(JsonNode data) {
        String api = options.ports().url("whatsapp-simulator") + "/sim/api/phones";
        int count = 0;
        for (var phone : phones(data)) {
            var body = JSON.createObjectNode()
                    .put("name", phone.name())
                    .put("number", phone.waId())
                    .put("role", phone.role());
            Response response = send("POST", api, body);
            if (response.status() / 100 != 2) {
                out.printf("  ✗ simulator phone %s: HTTP %d %s%n", phone.waId(), response.status(), response.body());
            } else {
                count++;
            }
        }
        return count;
    }

    record Phone(String name, String waId, String role) {}

    static List<Phone> phones(JsonNode data) {
        List<Phone> phones = new ArrayList<>();
        data.get("customers")
                .forEach(c -> phones.add(
                        new Phone(c.get("name").asString(), c.get("waId").asString(), "customer")));
        data.get("restaurants")
                .forEach(r -> r.get("staff")
                        .forEach(s -> phones.add(new Phone(
                                s.get("name").asString() + " · " + r.get("name").asString(),
                                s.get("waId").asString(),
                                "restaurant"))));
        data.get("workers")
                .forEach(w -> phones.add(
                        new Phone(w.get("name").asString(), w.get("waId").asString(), "rapitendero")));
        return phones;
    }

    private List<Map<String, String>> restaurants(JsonNode data) {
        String api = options.ports().url("order-service") + "/api/orders/restaurants";
        Set<String> existing = names(send("GET", api, null), "name");
        List<Map<String, String>> loaded = new ArrayList<>();
        for (JsonNode restaurant : data.get("restaurants")) {
            String name = restaurant.get("name").asString();
            if (existing.contains(name)) {
                out.printf("  · %s already registered%n", name);
                continue;
            }
            ObjectNode registration = JSON.createObjectNode();
            registration.put("name", name);
            var staff = registration.putArray("staffWaIds");
            restaurant.get("staff").forEach(s -> staff.add(s.get("waId").asString()));
            registration.put("address", restaurant.get("address").asString());
            registration.set("location", restaurant.get("location"));
            registration.put("zone", restaurant.get("zone").asString());
            if (restaurant.has("store")) {
                // opening hours (Bogotá time), delivery radius and fee, usual preparation time
                registration.set("store", restaurant.get("store"));
            }
            Response created = send("POST", api, registration);
            if (created.status() != 201) {
                out.printf("  ✗ restaurant %s: HTTP %d %s%n", name, created.status(), created.body());
                continue;
            }
            String id = JSON.readTree(created.body()).get("id").asString();
            Response menu = send("PUT", api + "/" + id + "/menu", restaurant.get("menu"));
            if (menu.status() != 200) {
                out.printf("  ✗ menu of %s: HTTP %d %s%n", name, menu.status(), menu.body());
                continue;
            }
            loaded.add(Map.of("name", name, "id", id));
            out.printf(
                    "  ✓ restaurant %-28s %2d dishes (%s)%n",
                    name,
                    restaurant.get("menu").get("items").size(),
                    restaurant.get("zone").asString());
        }
        return loaded;
    }

    private List<Map<String, String>> workers(JsonNode data) {
        String api = options.ports().url("dispatch-service") + "/api/dispatch/workers";
        Set<String> existing = names(send("GET", api, null), "waId");
        List<Map<String, String>> loaded = new ArrayList<>();
        for (JsonNode worker : data.get("workers")) {
            String waId = worker.get("waId").asString();
            if (existing.contains(waId)) {
                continue;
            }
            Response created = send("POST", api, worker);
            if (created.status() != 201) {
                out.printf(
                        "  ✗ rapitendero %s: HTTP %d %s%n",
                        worker.get("name").asString(), created.status(), created.body());
                continue;
            }
            loaded.add(Map.of(
                    "name",
                    worker.get("name").asString(),
                    "id",
                    JSON.readTree(created.body()).get("id").asString()));
        }
        out.printf("  ✓ %d rapitenderos registered%n", loaded.size());
        return loaded;
    }

    private static Set<String> names(Response list, String field) {
        if (list.status() != 200) {
            return Set.of();
        }
        var names = new java.util.HashSet<String>();
        JSON.readTree(list.body()).forEach(node -> names.add(node.get(field).asString()));
        return names.stream().collect(Collectors.toSet());
    }

    record Response(int status, String body) {}

    /** An ops token of this run's local issuer: the services' APIs need one like any other client. */
    private String opsToken() {
        if (opsToken == null) {
            opsToken = new LocalSecurity(options.dataDir()).mint("launcher-demo-data", List.of(Role.OPS), List.of());
        }
        return opsToken;
    }

    private Response send(String method, String url, JsonNode body) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + opsToken())
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, "interrupted");
        }
    }
}
