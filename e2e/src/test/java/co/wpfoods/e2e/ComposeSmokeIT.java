package co.wpfoods.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.security.jwt.LocalTokens;
import co.wpfoods.testing.Infrastructure;
import co.wpfoods.testing.Repository;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Docker way to run WPFoods, smoke-tested: {@code docker-compose.yml} is brought up as it is (images built from
 * the jars this build made, PostgreSQL, Kafka in KRaft mode, every service and the WhatsApp simulator), a customer
 * writes "hola" on the simulator, which signs the webhook and posts it to the gateway as Meta would, and the
 * greeting comes back through order-service, the outbox, messaging-service and the simulator's Graph API.
 *
 * <p>Runs only where the {@code docker} profile is on and Docker answers ({@link Infrastructure}, the one place that
 * decides); everywhere else it is skipped with the reason.
 */
@ExtendWith(ComposeSmokeIT.OnlyWithDocker.class)
class ComposeSmokeIT {

    /** Runs the class only when this run's infrastructure is containers on a Docker that answers. */
    static class OnlyWithDocker implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Infrastructure.Choice choice = Infrastructure.current();
            return choice.kind() == Infrastructure.Kind.CONTAINERS && !choice.skip()
                    ? ConditionEvaluationResult.enabled(choice.reason())
                    : ConditionEvaluationResult.disabled("Skipped: the compose smoke test needs Docker (the docker"
                            + " profile switches on where /var/run/docker.sock exists); this run uses "
                            + choice.reason());
        }
    }

    static final String CUSTOMER = "573009998877";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static ComposeContainer compose;

    @BeforeAll
    static void upWhereDockerIs() throws Exception {
        Path root = Repository.root();
        // compose mounts the local issuer's public key from .data/security, which ./wpfoods up makes
        Path publicKey = root.resolve(".data/security/jwt-public-key.pem");
        if (!Files.exists(publicKey)) {
            LocalTokens.generate(LocalTokens.LOCAL_ISSUER).writePublicKeyPem(publicKey);
        }
        compose = new ComposeContainer(
                        new File(root.resolve("docker-compose.yml").toString()))
                .withBuild(true)
                .withExposedService(
                        "gateway",
                        8080,
                        Wait.forHttp("/actuator/health").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(5)))
                .withExposedService(
                        "whatsapp-simulator",
                        8090,
                        Wait.forHttp("/actuator/health").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(5)))
                .withExposedService(
                        "order-service",
                        8082,
                        Wait.forHttp("/actuator/health").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(5)))
                .withExposedService(
                        "messaging-service",
                        8086,
                        Wait.forHttp("/actuator/health").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(5)));
        compose.start();
    }

    @AfterAll
    static void down() {
        if (compose != null) {
            compose.stop();
        }
    }

    @Test
    void a_signed_webhook_from_the_simulator_gets_its_reply_through_the_composed_platform() throws Exception {
        String simulator = "http://" + compose.getServiceHost("whatsapp-simulator", 8090) + ":"
                + compose.getServicePort("whatsapp-simulator", 8090) + "/sim/api";

        HttpResponse<String> sent = HTTP.send(
                HttpRequest.newBuilder(URI.create(simulator + "/phones/" + CUSTOMER + "/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"text\",\"text\":\"hola\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);

        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    HttpResponse<String> received = HTTP.send(
                            HttpRequest.newBuilder(URI.create(
                                            simulator + "/phones/" + CUSTOMER + "/messages?direction=received"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(received.statusCode()).isEqualTo(200);
                    JsonNode replies = JSON.readTree(received.body());
                    assertThat(replies.size()).as("replies to the customer").isPositive();
                });
    }
}
