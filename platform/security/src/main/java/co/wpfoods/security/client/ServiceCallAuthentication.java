package co.wpfoods.security.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * How a service's outgoing REST calls to another WPFoods service (order-service → ai-service, messaging-service's
 * media upload, dispatch-service → ai-service) carry a {@code service} bearer token.
 *
 * <p>With a client registration configured (production: any OIDC issuer, grant {@code client_credentials}) every
 * call gets its token from the issuer through Spring Security's {@link OAuth2ClientHttpRequestInterceptor}; the token
 * is kept until it expires (less Spring's minute of clock skew) and fetched again after that or after a 401. Without
 * one the call carries the token configured for it (the launcher mints one per local run), or none.
 *
 * <pre>{@code
 * RestClient.builder().baseUrl(ai.baseUrl()).apply(serviceCalls.bearer(ai.bearerToken())).build();
 * }</pre>
 */
public final class ServiceCallAuthentication {

    /** The one principal service tokens are kept under: they belong to the service, not to whoever is calling it. */
    static final Authentication SERVICE_PRINCIPAL = new AnonymousAuthenticationToken(
            "wpfoods-service", "wpfoods-service", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final OAuth2ClientHttpRequestInterceptor issuer;

    private ServiceCallAuthentication(OAuth2ClientHttpRequestInterceptor issuer) {
        this.issuer = issuer;
    }

    /** Calls carry the configured token only (no client registration). */
    public static ServiceCallAuthentication localTokensOnly() {
        return new ServiceCallAuthentication(null);
    }

    /**
     * Calls get their tokens from the token endpoint of {@code registrationId} ({@code client_credentials}), kept in
     * {@code authorizedClients} until they expire; a token request may take at most {@code tokenTimeout}. The
     * authorized client manager works outside any HTTP request (Kafka listeners, background warm-ups).
     */
    public static ServiceCallAuthentication clientCredentials(
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService authorizedClients,
            String registrationId,
            Duration tokenTimeout) {
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(grant -> grant.accessTokenResponseClient(tokenClient(tokenTimeout)))
                .build());
        var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> registrationId);
        interceptor.setPrincipalResolver(request -> SERVICE_PRINCIPAL);
        // a 401 from the called service drops the kept token, so the next call asks the issuer for a new one
        interceptor.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        return new ServiceCallAuthentication(interceptor);
    }

    /**
     * Adds the bearer token to every call of the client being built: the issuer's when a client registration is
     * configured (the local token is then ignored), otherwise {@code localToken} if it is set.
     */
    public Consumer<RestClient.Builder> bearer(String localToken) {
        if (issuer != null) {
            return builder -> builder.requestInterceptor(issuer);
        }
        Optional<String> token =
                Optional.ofNullable(localToken).map(String::strip).filter(t -> !t.isEmpty());
        return builder -> token.ifPresent(t -> builder.defaultHeaders(headers -> headers.setBearerAuth(t)));
    }

    /** Whether tokens come from an issuer (a client registration is configured). */
    public boolean fromIssuer() {
        return issuer != null;
    }

    /** Spring's token client, with time limits: a hanging issuer must not hold a customer's message for long. */
    private static RestClientClientCredentialsTokenResponseClient tokenClient(Duration timeout) {
        var factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        var client = new RestClientClientCredentialsTokenResponseClient();
        client.setRestClient(RestClient.builder()
                .requestFactory(factory)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new StringHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return client;
    }
}
