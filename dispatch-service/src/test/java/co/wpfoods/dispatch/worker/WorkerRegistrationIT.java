package co.wpfoods.dispatch.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.dispatch.WorkerRegistered;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfra
class WorkerRegistrationIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void registering_a_rapitendero_stores_them_and_publishes_WorkerRegistered_once() {
        try (var workerTopic = new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), Topics.Dispatch.WORKER)) {
            // when Camilo registers with his number as people type it
            var response = call(HttpMethod.POST, "{\"name\":\"Camilo Rojas\",\"waId\":\"+57 300 555 0301\"}");

            // then he is stored with the number normalised
            assertThat(response.status()).isEqualTo(201);
            String id = response.body().get("id").asString();
            assertThat(response.body().get("waId").asString()).isEqualTo("573005550301");
            assertThat(call(HttpMethod.GET, null).body().toString()).contains("Camilo Rojas");

            // and a second worker's event arriving proves the stream went past the first: exactly one each
            String other = call(HttpMethod.POST, "{\"name\":\"Daniela Gómez\",\"waId\":\"573005550302\"}")
                    .body()
                    .get("id")
                    .asString();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !events(workerTopic, other).isEmpty());
            List<WorkerRegistered> camilo = events(workerTopic, id);
            assertThat(camilo).hasSize(1);
            assertThat(camilo.getFirst().getName()).isEqualTo("Camilo Rojas");
            assertThat(camilo.getFirst().getWaId()).isEqualTo("573005550301");
            assertThat(camilo.getFirst().getActive()).isTrue();
        }
    }

    @Test
    void rejects_a_registration_without_a_name_or_a_valid_number_with_400() {
        assertThat(call(HttpMethod.POST, "{\"name\":\"\",\"waId\":\"573005550401\"}")
                        .status())
                .isEqualTo(400);
        assertThat(call(HttpMethod.POST, "{\"name\":\"Sin número\"}").status()).isEqualTo(400);
        var letters = call(HttpMethod.POST, "{\"name\":\"Número raro\",\"waId\":\"57300abc\"}");
        assertThat(letters.status()).isEqualTo(400);
        assertThat(letters.body().get("detail").asString()).contains("digits");

        assertThat(call(HttpMethod.GET, null).body().toString()).doesNotContain("Sin número", "Número raro");
    }

    @Test
    void a_number_is_one_worker_only() {
        assertThat(call(HttpMethod.POST, "{\"name\":\"Andrés\",\"waId\":\"573005550501\"}")
                        .status())
                .isEqualTo(201);

        assertThat(call(HttpMethod.POST, "{\"name\":\"Otro Andrés\",\"waId\":\"573005550501\"}")
                        .status())
                .isEqualTo(409);
    }

    record Response(int status, JsonNode body) {}

    Response call(HttpMethod method, String body) {
        var request = RestClient.create("http://localhost:" + port)
                .method(method)
                .uri("/api/dispatch/workers")
                .header("Authorization", TestTokens.workerAdmin());
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            return new Response(
                    res.getStatusCode().value(), bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes));
        });
    }

    static List<WorkerRegistered> events(KafkaTestConsumer consumer, String workerId) {
        return consumer.poll().stream()
                .filter(r -> workerId.equals(r.key()))
                .filter(r -> "WorkerRegistered".equals(KafkaTestConsumer.header(r, Headers.EVENT_TYPE)))
                .map(r -> (WorkerRegistered) AvroSerde.standard().decode(r.value()))
                .toList();
    }
}
