package co.wpfoods.security.web;

import co.wpfoods.security.ClientRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client REST limits (OWASP API4): counted per token client after the bearer token was checked.
 * Requests without a token are not counted here: behind the gateway they all come from the gateway's
 * address (a per-address count would throttle every Stripe webhook together), and the gateway already
 * limits them per client address. Actuator (probes, scraping) is not counted either.
 */
final class ClientRateLimitFilter extends OncePerRequestFilter {

    private final ClientRateLimiter limiter;

    ClientRateLimitFilter(ClientRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = limiter.tryTake(token.getName());
        if (retryAfter > 0) {
            ProblemResponses.tooManyRequests(response, retryAfter);
            return;
        }
        chain.doFilter(request, response);
    }
}
