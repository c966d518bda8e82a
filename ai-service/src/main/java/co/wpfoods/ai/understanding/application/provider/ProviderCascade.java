package co.wpfoods.ai.understanding.application.provider;

import co.wpfoods.ai.menus.application.MenuIndex;
import co.wpfoods.ai.understanding.application.ItemExtractor;
import co.wpfoods.ai.understanding.application.OfflineEngine;
import co.wpfoods.ai.understanding.application.UnderstandRequest;
import co.wpfoods.ai.understanding.domain.Understanding;
import java.util.List;
import java.util.Optional;

/**
 * The providers in order (Gemini, then OpenAI, then Anthropic by default). The first answer that passes validation
 * wins; when none does, the caller falls back to the offline engine.
 */
public final class ProviderCascade {

    private final List<GuardedProvider> providers;
    private final IntentPrompts prompts;
    private final DraftResolver resolver;

    public ProviderCascade(List<GuardedProvider> providers, MenuIndex menus, OfflineEngine offline) {
        this.providers = List.copyOf(providers);
        this.prompts = new IntentPrompts(menus);
        this.resolver = new DraftResolver(new ItemExtractor(menus), offline);
    }

    public static ProviderCascade none(MenuIndex menus, OfflineEngine offline) {
        return new ProviderCascade(List.of(), menus, offline);
    }

    public List<GuardedProvider> providers() {
        return providers;
    }

    public boolean isEmpty() {
        return providers.isEmpty();
    }

    public Optional<Understanding> understand(UnderstandRequest request, String correlationId) {
        if (providers.isEmpty()) {
            return Optional.empty();
        }
        String system = prompts.system(request);
        String user = prompts.user(request);
        for (GuardedProvider p : providers) {
            Optional<Understanding> u = p.call(
                    "intent",
                    system,
                    user,
                    IntentDraft.class,
                    draft -> resolver.resolve(draft, request, p.provider().engine()),
                    correlationId);
            if (u.isPresent()) {
                return u;
            }
        }
        return Optional.empty();
    }

    public Optional<Understanding> understand(UnderstandRequest request) {
        return understand(request, null);
    }

    /** A reply and the provider that wrote it. */
    public record Generated(String text, co.wpfoods.ai.understanding.domain.Engine engine) {}

    /** Asks for a support reply; {@code accept} rejects replies that are empty or state numbers not in the facts. */
    public Optional<Generated> generate(
            String system,
            String user,
            java.util.function.Function<ReplyDraft, Optional<String>> accept,
            String correlationId) {
        for (GuardedProvider p : providers) {
            var engine = p.provider().engine();
            Optional<Generated> r = p.call(
                    "generate",
                    system,
                    user,
                    ReplyDraft.class,
                    d -> accept.apply(d).map(t -> new Generated(t, engine)),
                    correlationId);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }
}
