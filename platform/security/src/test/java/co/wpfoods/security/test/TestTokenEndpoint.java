package co.wpfoods.security.test;

import co.wpfoods.security.Role;
import co.wpfoods.security.jwt.LocalTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An OAuth2 token endpoint for tests ({@code POST /oauth2/token}, grant {@code client_credentials}, client secret
 * by HTTP Basic or in the form, RFC 6749 §4.4): it answers registered clients with a {@code service} JWT signed by
 * {@link TestTokens}' key (which every test context trusts), and {@code invalid_client} to anyone else. It counts the
 * tokens it issued, so a test can tell whether a client kept its token.
 */
public final class TestTokenEndpoint implements AutoCloseable {

    public static final String PATH = "/oauth2/token";

    private final HttpServer server;
    private final String clientId;
    private final String clientSecret;
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicReference<Duration> lifetime = new AtomicReference<>(Duration.ofMinutes(10));
    private final AtomicReference<LocalTokens> signer = new AtomicReference<>(TestTokens.issuer());

    private TestTokenEndpoint(String clientId, String clientSecret) throws IOException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::token);
        server.start();
    }

    /** Starts an endpoint on a free local port that knows one client. */
    public static TestTokenEndpoint start(String clientId, String clientSecret) {
        try {
            return new TestTokenEndpoint(clientId, clientSecret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String tokenUri() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + PATH;
    }

    /** Spring Boot's client registration for this endpoint, as properties. */
    public Map<String, String> clientRegistration(String registrationId) {
        String registration = "spring.security.oauth2.client.registration." + registrationId + ".";
        return Map.of(
                registration + "client-id", clientId,
                registration + "client-secret", clientSecret,
                registration + "authorization-grant-type", "client_credentials",
                registration + "provider", registrationId,
                "spring.security.oauth2.client.provider." + registrationId + ".token-uri", tokenUri());
    }

    /** How many tokens it has issued. */
    public int issued() {
        return issued.get();
    }

    /** The lifetime ({@code expires_in}) of the tokens issued from now on. */
    public void issueTokensValidFor(Duration validFor) {
        lifetime.set(validFor);
    }

    /** Tokens issued from now on are signed by {@code key} (another key: the services refuse them). */
    public void signWith(LocalTokens key) {
        signer.set(key);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{\"error\":\"invalid_request\"}");
                return;
            }
            Map<String, String> form =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String[] basic = basic(exchange.getRequestHeaders().getFirst("Authorization"));
            String id = basic != null ? basic[0] : form.get("client_id");
            String secret = basic != null ? basic[1] : form.get("client_secret");
            if (!"client_credentials".equals(form.get("grant_type"))) {
                answer(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
                return;
            }
            if (!clientId.equals(id) || !clientSecret.equals(secret)) {
                answer(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            Duration validFor = lifetime.get();
            String token = signer.get().mint(clientId, List.of(Role.SERVICE), List.of(), validFor);
            issued.incrementAndGet();
            answer(
                    exchange,
                    200,
                    "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                            + validFor.toSeconds() + "}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded =
                new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        // RFC 6749 §2.3.1: both parts are form-encoded before Basic encoding
        return new String[] {
            URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
            URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
        };
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        Arrays.stream(body.split("&")).filter(pair -> !pair.isEmpty()).forEach(pair -> {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        });
        return values;
    }
}
