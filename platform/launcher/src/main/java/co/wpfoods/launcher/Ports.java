package co.wpfoods.launcher;

import java.util.Map;

/** Every port of the local platform: the defaults below plus one offset. */
public record Ports(int offset) {

    private static final Map<String, Integer> DEFAULTS = Map.ofEntries(
            Map.entry("gateway", 8080),
            Map.entry("webhook-service", 8081),
            Map.entry("order-service", 8082),
            Map.entry("dispatch-service", 8083),
            Map.entry("payment-service", 8084),
            Map.entry("ai-service", 8085),
            Map.entry("messaging-service", 8086),
            Map.entry("whatsapp-simulator", 8090),
            Map.entry("postgres", 15432),
            Map.entry("kafka", 19092),
            Map.entry("kafka-controller", 19093));

    public int of(String name) {
        Integer port = DEFAULTS.get(name);
        if (port == null) {
            throw new IllegalArgumentException("No port for " + name);
        }
        return port + offset;
    }

    public int postgres() {
        return of("postgres");
    }

    public int kafka() {
        return of("kafka");
    }

    public int kafkaController() {
        return of("kafka-controller");
    }

    public String kafkaBootstrap() {
        return "localhost:" + kafka();
    }

    public String url(String service) {
        return "http://localhost:" + of(service);
    }
}
