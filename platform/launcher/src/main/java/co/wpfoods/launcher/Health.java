package co.wpfoods.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a service's Actuator whether it is UP. */
final class Health {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private Health() {}

    /** {@code UP}, another Actuator status, or {@code DOWN (…)} when nothing sensible answers. */
    static String of(int port) {
        try {
            var response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var matcher = java.util.regex.Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"")
                    .matcher(response.body());
            if (matcher.find()) {
                return matcher.group(1);
            }
            return "DOWN (HTTP " + response.statusCode() + ")";
        } catch (java.io.IOException e) {
            return "DOWN (no answer)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "DOWN (interrupted)";
        }
    }

    static boolean isUp(int port) {
        return "UP".equals(of(port));
    }
}
