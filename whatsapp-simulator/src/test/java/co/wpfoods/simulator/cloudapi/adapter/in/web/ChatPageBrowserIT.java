package co.wpfoods.simulator.cloudapi.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A person in a real headless Chromium says "hola" on the chat page; a tiny stand-in for
 * WPFoods answers with reply buttons through the Graph API; the person taps one and WPFoods
 * receives the {@code button_reply} webhook. Skipped when Chromium or chromedriver is missing
 * (install: {@code apt-get install -y chromium chromium-driver}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "simulator.access-token=token-del-navegador",
            "simulator.webhook.app-secret=secreto-del-navegador",
            "simulator.statuses.sent-delay=20ms",
            "simulator.statuses.delivered-delay=20ms",
            "simulator.statuses.read-delay=20ms"
        })
class ChatPageBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String SECRET = "secreto-del-navegador";

    static final WpfoodsStandIn WPFOODS = new WpfoodsStandIn();

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("simulator.webhook.url", WPFOODS::url);
    }

    @LocalServerPort
    int port;

    WebDriver browser;
    Path profile;

    @BeforeAll
    static void requireChromium() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipping the chat page browser test: /usr/bin/chromium or /usr/bin/chromedriver is missing"
                        + " (install with: apt-get update && apt-get install -y chromium chromium-driver)");
    }

    @AfterAll
    static void stopStandIn() {
        WPFOODS.stop();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        WPFOODS.simulator = "http://localhost:" + port;
        profile = Files.createTempDirectory("wpfoods-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }

    @Test
    void a_new_customer_says_hola_gets_the_greeting_with_buttons_and_taps_one() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/");

        browser.findElement(By.id("new-phone-name")).sendKeys("Camila Rojas");
        browser.findElement(By.id("new-phone-number")).sendKeys("+57 300 123 4567");
        browser.findElement(By.id("add-phone")).click();
        WebElement phone = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".phone[data-wa-id='573001234567']")));
        phone.findElement(By.cssSelector(".composer input.text")).sendKeys("hola");
        phone.findElement(By.cssSelector(".composer .send")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".phone[data-wa-id='573001234567'] .msg.in"), "¡Hola Camila Rojas!"));
        List<String> buttons =
                browser.findElements(By.cssSelector(".phone[data-wa-id='573001234567'] .reply-button")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertThat(buttons).containsExactly("↩ Pedir comida", "↩ Mi pedido", "↩ Ayuda");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".phone[data-wa-id='573001234567'] .msg.out .ticks.read")));

        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(By.cssSelector(".phone[data-wa-id='573001234567'] .reply-button[data-id='menu:order']"))
                    .click();
            return true;
        });

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(WPFOODS.inbound).anySatisfy(message -> {
                    assertThat(message.at("/interactive/type").asString("")).isEqualTo("button_reply");
                    assertThat(message.at("/interactive/button_reply/id").stringValue())
                            .isEqualTo("menu:order");
                    assertThat(message.at("/interactive/button_reply/title").stringValue())
                            .isEqualTo("Pedir comida");
                    assertThat(message.at("/context/id").stringValue()).isEqualTo(WPFOODS.greetingId);
                }));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".phone[data-wa-id='573001234567'] .msg.out:last-of-type"), "Pedir comida"));
        assertThat(WPFOODS.badSignatures).isZero();
    }

    /** The smallest possible WPFoods: checks signatures, answers "hola" with a greeting and buttons. */
    static final class WpfoodsStandIn {
        final List<JsonNode> inbound = new CopyOnWriteArrayList<>();
        volatile String simulator;
        volatile String greetingId;
        volatile int badSignatures;
        private final HttpServer server;
        private final ExecutorService replies = Executors.newSingleThreadExecutor();
        private final HttpClient http = HttpClient.newHttpClient();

        WpfoodsStandIn() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            server.createContext("/webhooks/whatsapp", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String signature = exchange.getRequestHeaders().getFirst("X-Hub-Signature-256");
                if (!sign(body).equals(signature)) {
                    badSignatures++;
                    exchange.sendResponseHeaders(401, -1);
                    exchange.close();
                    return;
                }
                JsonNode value = SimulatorClient.JSON.readTree(body).at("/entry/0/changes/0/value");
                for (JsonNode message : value.path("messages")) {
                    inbound.add(message);
                    replies.submit(() ->
                            answer(message, value.at("/contacts/0/profile/name").asString("")));
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/whatsapp";
        }

        private void answer(JsonNode message, String name) {
            if (!"hola".equalsIgnoreCase(message.at("/text/body").asString("").strip())) {
                return;
            }
            graph("{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\""
                    + message.get("id").stringValue() + "\"}");
            JsonNode sent = graph("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+"
                    + message.get("from").stringValue()
                    + "\",\"type\":\"interactive\",\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"¡Hola "
                    + name + "! 👋 Soy WPFoods. ¿Qué quieres hacer?\"},\"action\":{\"buttons\":["
                    + "{\"type\":\"reply\",\"reply\":{\"id\":\"menu:order\",\"title\":\"Pedir comida\"}},"
                    + "{\"type\":\"reply\",\"reply\":{\"id\":\"menu:track\",\"title\":\"Mi pedido\"}},"
                    + "{\"type\":\"reply\",\"reply\":{\"id\":\"menu:help\",\"title\":\"Ayuda\"}}]}}}");
            greetingId = sent.at("/messages/0/id").stringValue();
        }

        private JsonNode graph(String body) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(simulator + "/v23.0/106540352242922/messages"))
                                .header("Authorization", "Bearer token-del-navegador")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Graph API refused: " + response.body());
                }
                return SimulatorClient.JSON.readTree(response.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static String sign(byte[] body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void stop() {
            server.stop(0);
            replies.shutdownNow();
        }
    }
}
