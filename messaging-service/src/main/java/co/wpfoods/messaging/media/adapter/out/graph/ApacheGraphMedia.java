package co.wpfoods.messaging.media.adapter.out.graph;

import co.wpfoods.messaging.media.application.GraphMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST {base-url}/{api-version}/{phone-number-id}/media} as Meta documents it: multipart with
 * {@code messaging_product=whatsapp}, {@code type} (the MIME type) and {@code file}; the answer is {@code {"id"}}. Its own
 * small HttpClient 5 client (uploads are rare and must not take a sender's pooled connection), the same token (file
 * re-read on each call) and timeouts as the sender, no automatic retry.
 */
public class ApacheGraphMedia implements GraphMedia, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApacheGraphMedia.class);

    private final CloseableHttpClient http;
    private final Supplier<String> token;
    private final URI mediaUri;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param mediaUri {@code {base-url}/{api-version}/{phone-number-id}/media}
     * @param token the bearer token, asked for on every call (a rotated token is used at once)
     */
    public ApacheGraphMedia(URI mediaUri, Supplier<String> token, Duration connectTimeout, Duration requestTimeout) {
        this.token = token;
        this.http = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(requestTimeout))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
        this.mediaUri = mediaUri;
    }

    @Override
    public String upload(byte[] bytes, String mimeType, String filename) {
        var request = new HttpPost(mediaUri);
        request.setHeader("Authorization", "Bearer " + token.get());
        request.setEntity(MultipartEntityBuilder.create()
                .addTextBody("messaging_product", "whatsapp")
                .addTextBody("type", mimeType)
                .addBinaryBody("file", bytes, ContentType.parse(mimeType), filename)
                .build());
        try {
            return http.execute(request, response -> {
                String body = response.getEntity() == null
                        ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                int status = response.getCode();
                if (status >= 200 && status < 300) {
                    String id = idOf(body);
                    if (id == null) {
                        throw new UploadRefusedException(status, "no media id in Meta's answer");
                    }
                    return id;
                }
                throw new UploadRefusedException(status, errorOf(status, body));
            });
        } catch (IOException e) {
            log.warn("Media upload to the Graph API failed: {}", e.toString());
            throw new UploadRefusedException(0, "no answer: " + e);
        }
    }

    private String idOf(String body) {
        try {
            JsonNode id = json.readTree(body).path("id");
            return id.isString() && !id.asString().isBlank() ? id.asString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String errorOf(int status, String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            String message = error.path("message").asString("");
            return message.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + message;
        } catch (RuntimeException e) {
            return "HTTP " + status;
        }
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
