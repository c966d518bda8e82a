package co.wpfoods.dispatch.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.dispatch.privacy.application.PersonalDataColumns;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import co.wpfoods.security.test.TestTokens;
import co.wpfoods.testing.EmbeddedInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** OWASP API4 on dispatch-service: workers, payouts, problems and alerts come a bounded page (1–100) at a time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfra
class ListBoundsIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    LookupHash lookupHash;

    @Test
    void every_list_refuses_an_unbounded_page_and_serves_a_bounded_one() throws Exception {
        var jdbc = JdbcClient.create(dataSource);
        for (int i = 0; i < 3; i++) {
            jdbc.sql("INSERT INTO worker (id, name_enc, wa_id_hash, wa_id_enc) VALUES (:id, :name, :waHash, :wa)")
                    .param("id", "w-page-" + i)
                    .param("name", cipher.encrypt("Paginado", PersonalDataColumns.WORKER_NAME))
                    .param("waHash", lookupHash.hash("57300999660" + i))
                    .param("wa", cipher.encrypt("57300999660" + i, PersonalDataColumns.WORKER_WA_ID))
                    .update();
            jdbc.sql("INSERT INTO ops_alert (kind, raised_at) VALUES ('PAGE_TEST', now())")
                    .update();
        }
        for (String path : new String[] {
            "/api/dispatch/workers",
            "/api/dispatch/alerts",
            "/api/dispatch/problems",
            "/api/dispatch/workers/w-page-0/payouts"
        }) {
            assertThat(get(path + "?size=101").statusCode()).as(path).isEqualTo(400);
            assertThat(get(path + "?page=-1").statusCode()).as(path).isEqualTo(400);
            assertThat(get(path + "?size=2").statusCode()).as(path).isEqualTo(200);
        }
        assertThat(JSON.readTree(get("/api/dispatch/workers?size=2").body()).size())
                .isEqualTo(2);
        assertThat(JSON.readTree(get("/api/dispatch/alerts?size=2").body()).size())
                .isEqualTo(2);
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", TestTokens.ops())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
