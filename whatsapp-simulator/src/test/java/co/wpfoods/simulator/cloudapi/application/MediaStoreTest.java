package co.wpfoods.simulator.cloudapi.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MediaStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final MediaStore store = new MediaStore(clock, Duration.ofMinutes(5), Duration.ofDays(30));

    private static Map<String, String> query(String path) {
        return Stream.of(URI.create("http://sim" + path).getQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }

    @Test
    void a_download_url_works_for_five_minutes_then_answers_nothing() {
        var stored = store.store(new byte[] {1, 2, 3}, "audio/ogg; codecs=opus", "nota.ogg");
        var url = query(store.downloadPath(stored.id()));

        assertThat(store.resolveDownload(url.get("mid"), url.get("ext"), url.get("hash")))
                .isPresent();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(store.resolveDownload(url.get("mid"), url.get("ext"), url.get("hash")))
                .isEmpty();
        var fresh = query(store.downloadPath(stored.id()));
        assertThat(store.resolveDownload(fresh.get("mid"), fresh.get("ext"), fresh.get("hash")))
                .isPresent();
    }

    @Test
    void a_forged_or_stretched_url_is_refused() {
        var stored = store.store(new byte[] {1}, "image/png", "a.png");
        var url = query(store.downloadPath(stored.id()));
        long later = Long.parseLong(url.get("ext")) + 3600;

        assertThat(store.resolveDownload(url.get("mid"), Long.toString(later), url.get("hash")))
                .isEmpty();
        assertThat(store.resolveDownload(url.get("mid"), url.get("ext"), "AAAA"))
                .isEmpty();
    }

    @Test
    void uploads_expire_after_thirty_days_and_carry_metas_base64_sha256() throws Exception {
        var stored = store.store("hola".getBytes(), "text/plain", "hola.txt");

        assertThat(stored.sha256())
                .isEqualTo(Base64.getEncoder()
                        .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                                .digest("hola".getBytes())))
                .hasSize(44);
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        assertThat(store.find(stored.id())).isEmpty();
    }
}
