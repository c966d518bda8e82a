package co.wpfoods.ai.understanding.application;

import co.wpfoods.ai.menus.application.MenuIndex;
import co.wpfoods.ai.understanding.application.provider.ProviderCascade;
import co.wpfoods.ai.understanding.application.provider.UsageLedger;
import co.wpfoods.ai.understanding.domain.Understanding;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Use case: understand a message. Identical normalized requests on the same menu version come from the cache;
 * otherwise the provider cascade answers, and when every provider is off, failing or over quota, the offline engine.
 * Never throws for a well-formed request.
 */
public final class UnderstandingService {

    public record Answer(Understanding understanding, long latencyMicros, String menuVersion, boolean cached) {}

    private final OfflineEngine offline;
    private final ProviderCascade cascade;
    private final MenuIndex menus;
    private final ResultCache<Understanding> cache;
    private final UsageLedger ledger;
    private final double offlineFirstConfidence;

    /**
     * @param offlineFirstConfidence when below 1, the offline engine answers first and the providers are asked only
     *     when its confidence is under this value (or it found no intent); 1 or more always asks the providers first
     */
    public UnderstandingService(
            OfflineEngine offline,
            ProviderCascade cascade,
            MenuIndex menus,
            ResultCache<Understanding> cache,
            UsageLedger ledger,
            double offlineFirstConfidence) {
        this.offline = offline;
        this.cascade = cascade;
        this.menus = menus;
        this.cache = cache;
        this.ledger = ledger;
        this.offlineFirstConfidence = offlineFirstConfidence;
    }

    public Answer understand(UnderstandRequest request, String correlationId) {
        long start = System.nanoTime();
        String version = menus.versionKey();
        String key = key(request, version);
        Optional<Understanding> hit = cache.get(key);
        if (hit.isPresent()) {
            ledger.countMessage("cache", correlationId);
            return new Answer(hit.get(), micros(start), version, true);
        }
        Understanding u = answer(request, correlationId);
        cache.put(key, u);
        ledger.countMessage(u.engine().wireName(), correlationId);
        return new Answer(u, micros(start), version, false);
    }

    private Understanding answer(UnderstandRequest request, String correlationId) {
        if (cascade.isEmpty()) {
            return offline.understand(request);
        }
        if (offlineFirstConfidence < 1.0) {
            Understanding local = offline.understand(request);
            if (local.intent() != co.wpfoods.ai.understanding.domain.Intent.UNKNOWN
                    && local.confidence() >= offlineFirstConfidence) {
                return local;
            }
            return cascade.understand(request, correlationId).orElse(local);
        }
        return cascade.understand(request, correlationId).orElseGet(() -> offline.understand(request));
    }

    /** The offline engine alone, for callers (and benchmarks) that must not spend money. */
    public Understanding understandOffline(UnderstandRequest request) {
        return offline.understand(request);
    }

    static String key(UnderstandRequest r, String menuVersion) {
        String material = String.join(
                "\u0001",
                r.role().name(),
                TextNormalizer.canonical(r.text()),
                String.valueOf(r.restaurantId()),
                String.valueOf(r.cart()),
                String.valueOf(r.languageHint()),
                String.join("\u0002", r.lastMessages()),
                menuVersion);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long micros(long start) {
        return (System.nanoTime() - start) / 1000;
    }
}
