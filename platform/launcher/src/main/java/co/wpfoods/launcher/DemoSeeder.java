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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the demo data ({@code seed/demo-data.json}) through the owning services' own APIs: restaurants and menus into
 * order-service, rapitenderos into dispatch-service — once each, remembered in {@code .data/demo-data.json} — and, on
 * every start (the simulator keeps its phones in memory), one simulator phone per customer, restaurant staff member and
 * worker. Each {@link Part} is loaded as soon as its service is up ({@link WhenUp}), also when that is after the health
 * timeout. Each service's issue extends this as the service grows.
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

    /** A part of the demo data and the service that takes it. */
    enum Part {
        PHONES("whatsapp-simulator", "demo phones"),
        RESTAURANTS("order-service", "demo restaurants"),
        WORKERS("dispatch-service", "demo rapitenderos");

        final String service;
        final String what;

        Part(String service, String what) {
            this.service = service;
            this.what = what;
        }
    }

    /**
     * What this start still has to load: the simulator's phones every time (it keeps them in memory), restaurants and
     * rapitenderos until the marker says each was loaded (a marker of an older launcher, written once both were, counts
     * for both).
     */
    List<Part> due() {
        List<Part> due = new ArrayList<>(List.of(Part.PHONES));
        JsonNode marker = readMarker();
        if (!marker.has("restaurants")) {
            due.add(Part.RESTAURANTS);
        }
        if (!marker.has("workers")) {
            due.add(Part.WORKERS);
        }
        return due;
    }

    /**
     * Loads one part (its service must be up) and remembers restaurants and rapitenderos in the marker when every one
     * of them was loaded or already registered; a part with a failure is not remembered, so the next start tries again
     * (skipping what is already there).
     */
    void load(Part part) {
        JsonNode data = data();
        switch (part) {
            case PHONES -> {
                int phones = simulatorPhones(data);
                out.printf("  ✓ simulator: %d demo phones (customers, restaurant staff, rapitenderos)%n", phones);
            }
            case RESTAURANTS -> {
                var loaded = new ArrayList<Map<String, String>>();
                if (restaurants(data, loaded)) {
                    remember("restaurants", loaded);
                }
            }
            case WORKERS -> {
                var loaded = new ArrayList<Map<String, String>>();
                if (workers(data, loaded)) {
                    remember("workers", loaded);
                }
            }
        }
    }

    private JsonNode readMarker() {
        try {
            return Files.exists(marker()) ? JSON.readTree(Files.readString(marker())) : JSON.createObjectNode();
        } catch (IOException | RuntimeException e) {
            return JSON.createObjectNode(); // unreadable: load again; restaurants and workers already there are skipped
        }
    }

    private synchronized void remember(String part, List<Map<String, String>> loaded) {
        JsonNode read = readMarker();
        ObjectNode marker = read instanceof ObjectNode o ? o : JSON.createObjectNode();
        marker.set(part, JSON.valueToTree(loaded));
        marker.put("loadedAt", Instant.now().toString());
        try {
            Files.createDirectories(marker().getParent());
            Files.writeString(marker(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(marker));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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

    /** True when every demo restaurant is registered with its menu (now or before). */
    private boolean restaurants(JsonNode data, List<Map<String, String>> loaded) {
        String api = options.ports().url("order-service") + "/api/orders/restaurants";
        Response list = send("GET", api, null);
        if (list.status() != 200) {
            out.printf("  ✗ demo restaurants not loaded: HTTP %d %s%n", list.status(), list.body());
            return false;
        }
        Set<String> existing = names(list, "name");
        boolean complete = true;
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
                complete = false;
                continue;
            }
            String id = JSON.readTree(created.body()).get("id").asString();
            Response menu = send("PUT", api + "/" + id + "/menu", restaurant.get("menu"));
            if (menu.status() != 200) {
                out.printf("  ✗ menu of %s: HTTP %d %s%n", name, menu.status(), menu.body());
                complete = false;
                continue;
            }
            loaded.add(Map.of("name", name, "id", id));
            out.printf(
                    "  ✓ restaurant %-28s %2d dishes (%s)%n",
                    name,
                    restaurant.get("menu").get("items").size(),
                    restaurant.get("zone").asString());
        }
        return complete;
    }

    /** True when every demo rapitendero is registered (now or before). */
    private boolean workers(JsonNode data, List<Map<String, String>> loaded) {
        String api = options.ports().url("dispatch-service") + "/api/dispatch/workers";
        Response list = send("GET", api, null);
        if (list.status() != 200) {
            out.printf("  ✗ demo rapitenderos not loaded: HTTP %d %s%n", list.status(), list.body());
            return false;
        }
        Set<String> existing = names(list, "waId");
        boolean complete = true;
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
                complete = false;
                continue;
            }
            loaded.add(Map.of(
                    "name",
                    worker.get("name").asString(),
                    "id",
                    JSON.readTree(created.body()).get("id").asString()));
        }
        out.printf("  ✓ %d rapitenderos registered%n", loaded.size());
        return complete;
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
