package co.wpfoods.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the whole platform through {@code ./wpfoods up} (one start: it is heavy), drives one conversation through the
 * simulator's REST API, stops it with SIGTERM (what Ctrl-C does) and checks that nothing is left running. Skip it with
 * {@code -Dwpfoods.e2e.skip=true}.
 */
@DisabledIfSystemProperty(named = "wpfoods.e2e.skip", matches = "true")
class PlatformEndToEndIT {

    // every port stays below 32768, where Linux picks ephemeral ports for outgoing connections
    static final int PORT_OFFSET = 10000;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Path repo;
    Path dataDir;
    Path console;
    Process launcher;
    final List<ProcessHandle> started = new ArrayList<>();

    @BeforeEach
    void startThePlatformThroughTheLauncher() throws IOException {
        repo = Path.of(System.getProperty("wpfoods.repo", "../.."))
                .toAbsolutePath()
                .normalize();
        dataDir = Files.createTempDirectory("wpfoods-e2e");
        console = repo.resolve("platform/launcher/target/e2e-launcher-console.log");
        launcher = new ProcessBuilder(
                        repo.resolve("wpfoods").toString(),
                        "up",
                        "--no-build",
                        "--data-dir",
                        dataDir.toString(),
                        "--port-offset",
                        Integer.toString(PORT_OFFSET),
                        // a shared 2-core machine can take minutes to start eight JVMs
                        "--health-timeout",
                        "420")
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
    }

    @Test
    void a_customer_says_hola_and_gets_the_reply_then_ctrl_c_stops_every_process() throws Exception {
        Ports ports = new Ports(PORT_OFFSET);

        // given the platform started by ./wpfoods up, healthy and seeded
        PlatformState state = await("the launcher reports every service healthy or failed (see " + console + ")")
                .atMost(Duration.ofMinutes(8))
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

    @AfterEach
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
