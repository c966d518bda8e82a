package co.wpfoods.ai.voice.adapter.out.media;

import co.wpfoods.ai.voice.application.VoiceNotes;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * Downloads WhatsApp media: {@code GET {base}/v23.0/{media-id}} for a short-lived URL, then {@code GET url}, both with
 * the bearer token (reference §6.8). The base URL points at Meta, the simulator, or messaging-service's proxy.
 */
public final class GraphMediaSource implements VoiceNotes.MediaSource {

    private final RestClient http;
    private final String token;

    public GraphMediaSource(RestClient.Builder builder, String baseUrl, String token) {
        this.http = builder.baseUrl(baseUrl).build();
        this.token = token;
    }

    @Override
    @SuppressWarnings("unchecked")
    public byte[] download(String mediaId) {
        Map<String, Object> meta = http.get()
                .uri("/v23.0/{id}", mediaId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve()
                .body(Map.class);
        Object url = meta == null ? null : meta.get("url");
        if (url == null) {
            throw new IllegalStateException("media " + mediaId + " has no download url");
        }
        return http.get()
                .uri(java.net.URI.create(url.toString()))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve()
                .body(byte[].class);
    }
}
