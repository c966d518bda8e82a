package co.wpfoods.security.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401, 403 and 429 as RFC 9457 problem details with fixed texts: nothing from the request, the
 * token or the server (no exception message, stack trace, version or host name) is echoed.
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    /** 401 with the {@code WWW-Authenticate: Bearer ...} header RFC 6750 asks for. */
    public static AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, failure) -> {
            bearer.commence(request, response, failure);
            write(response, 401, "Unauthorized", detailFor(failure));
        };
    }

    public static AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, denied) -> {
            bearer.handle(request, response, denied);
            write(response, 403, "Forbidden", detailFor(denied));
        };
    }

    public static void tooManyRequests(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        write(response, 429, "Too Many Requests", "Too many requests from this client; retry after the given seconds.");
    }

    private static String detailFor(AuthenticationException failure) {
        return "A valid bearer token is required.";
    }

    private static String detailFor(AccessDeniedException denied) {
        return "This token's roles do not allow this request.";
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"}");
    }
}
