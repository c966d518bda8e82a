package co.wpfoods.order.conversation.adapter.out.media;

import co.wpfoods.order.conversation.application.MediaUploads;
import co.wpfoods.security.client.ServiceCallAuthentication;
import java.net.http.HttpClient;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * messaging-service's {@code POST /api/messaging/media} (multipart {@code file}, a {@code service} token): it uploads
 * the bytes to Meta's {@code /{phone-number-id}/media} and answers {@code {"id": "<media id>"}}. One try within the
 * upload timeout; any failure is logged and answered empty, so the conversation goes on without the image.
 */
@Component
class MessagingMediaUploads implements MediaUploads {

    private static final Logger log = LoggerFactory.getLogger(MessagingMediaUploads.class);

    private final RestClient http;

    MessagingMediaUploads(MessagingServiceSettings messaging, ServiceCallAuthentication serviceCalls) {
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(messaging.uploadTimeout())
                .build());
        factory.setReadTimeout(messaging.uploadTimeout());
        this.http = RestClient.builder()
                .baseUrl(messaging.baseUrl().toString())
                .requestFactory(factory)
                .apply(serviceCalls.bearer(messaging.bearerToken()))
                .build();
    }

    @Override
    public Optional<String> upload(byte[] bytes, String mimeType, String filename) {
        var part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(mimeType));
        var file = new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        };
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new HttpEntity<>(file, part));
        try {
            JsonNode answer = http.post()
                    .uri("/api/messaging/media")
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
            String id = answer == null ? null : answer.path("id").asString(null);
            if (id == null || id.isBlank()) {
                log.warn("messaging-service answered a media upload without an id");
                return Optional.empty();
            }
            return Optional.of(id);
        } catch (RestClientException | IllegalArgumentException e) {
            log.warn("Media upload through messaging-service failed: {}", e.toString());
            return Optional.empty();
        }
    }
}
