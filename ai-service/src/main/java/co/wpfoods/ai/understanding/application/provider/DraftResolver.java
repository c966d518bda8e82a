package co.wpfoods.ai.understanding.application.provider;

import co.wpfoods.ai.understanding.application.ItemExtractor;
import co.wpfoods.ai.understanding.application.OfflineEngine;
import co.wpfoods.ai.understanding.application.UnderstandRequest;
import co.wpfoods.ai.understanding.domain.Engine;
import co.wpfoods.ai.understanding.domain.Entities;
import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.ItemMention;
import co.wpfoods.ai.understanding.domain.ItemModifier;
import co.wpfoods.ai.understanding.domain.Understanding;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a model's draft and turns it into an {@link Understanding}: the intent must exist for the role, the
 * confidence be in [0,1], every item resolve to a real menu item with a quantity of 1–99. Addresses, times, codes and
 * payment methods come from the deterministic parsers over the original text (the model is trusted with intent and
 * items only).
 */
final class DraftResolver {

    private final ItemExtractor items;
    private final OfflineEngine offline;

    DraftResolver(ItemExtractor items, OfflineEngine offline) {
        this.items = items;
        this.offline = offline;
    }

    Optional<Understanding> resolve(IntentDraft draft, UnderstandRequest request, Engine engine) {
        if (draft.intent() == null) {
            return Optional.empty();
        }
        Intent intent;
        try {
            intent = Intent.fromWireName(draft.intent());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!intent.appliesTo(request.role())) {
            return Optional.empty();
        }
        double confidence = draft.confidence() == null ? 0.8 : draft.confidence();
        if (confidence < 0 || confidence > 1) {
            return Optional.empty();
        }
        List<ItemMention> resolved = new ArrayList<>();
        if (draft.items() != null && intent.carriesItems()) {
            for (IntentDraft.DraftItem d : draft.items()) {
                int qty = d.quantity() == null ? 1 : d.quantity();
                if (d.name() == null || qty < 1 || qty > 99) {
                    return Optional.empty();
                }
                List<ItemMention> m = items.extract(TextNormalizer.fold(d.name()), request.restaurantId());
                if (m.size() != 1) {
                    return Optional.empty();
                }
                ItemMention one = m.get(0);
                List<ItemModifier> mods = new ArrayList<>(one.modifiers());
                if (d.modifiers() != null) {
                    for (String mod : d.modifiers()) {
                        String f = TextNormalizer.fold(mod);
                        mods.add(new ItemModifier(
                                f.startsWith("sin") || f.startsWith("without") || f.startsWith("no ")
                                        ? ItemModifier.Kind.REMOVE
                                        : ItemModifier.Kind.ADD,
                                f,
                                null));
                    }
                }
                resolved.add(new ItemMention(one.itemId(), one.name(), one.restaurantId(), qty, mods, d.name(), 1.0));
            }
        }
        Entities parsed = offline.understand(request).entities();
        Entities entities = new Entities(
                resolved,
                parsed.restaurantId(),
                parsed.address(),
                parsed.time(),
                parsed.paymentMethod(),
                parsed.pin(),
                parsed.orderReference(),
                parsed.priceCop(),
                parsed.choice(),
                parsed.quantity());
        String language = draft.language() == null
                ? "es"
                : draft.language().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "es";
        return Optional.of(new Understanding(intent, confidence, entities, language, engine));
    }
}
