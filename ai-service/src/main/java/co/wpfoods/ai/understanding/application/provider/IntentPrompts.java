package co.wpfoods.ai.understanding.application.provider;

import co.wpfoods.ai.menus.application.MenuIndex;
import co.wpfoods.ai.understanding.application.UnderstandRequest;
import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The intent prompt: the role's intents, the entity fields, and only the menu items the message may be about (the
 * index's best candidates, not the whole menu — that keeps input tokens, and cost, small).
 */
final class IntentPrompts {

    private static final int MAX_MENU_LINES = 25;

    private final MenuIndex menus;

    IntentPrompts(MenuIndex menus) {
        this.menus = menus;
    }

    String system(UnderstandRequest r) {
        String intents = java.util.Arrays.stream(Intent.values())
                .filter(i -> i.appliesTo(r.role()))
                .map(Intent::wireName)
                .collect(Collectors.joining(", "));
        return """
                You read WhatsApp messages sent to WPFoods, a food delivery service in Bogotá, Colombia.
                Messages are in Colombian Spanish or English, often with typos, slang and emoji.
                The sender is a %s. Classify the message into exactly one intent from: %s.
                Extract menu items ONLY from the candidate list given with the message, using the item name exactly as listed,
                with quantity (default 1) and modifiers such as "sin cebolla" or "extra queso".
                Copy address, time, payment method, 4-digit PIN and order reference as written; use null when absent.
                Never invent items, prices or times. Reply with JSON only, matching this schema.
                """.formatted(r.role().name().toLowerCase(java.util.Locale.ROOT), intents);
    }

    String user(UnderstandRequest r) {
        Set<String> lines = new LinkedHashSet<>();
        menus.search(TextNormalizer.tokens(r.text()), r.restaurantId(), MAX_MENU_LINES)
                .forEach(c -> lines.add("- " + c.item().name()));
        StringBuilder sb = new StringBuilder();
        if (!r.lastMessages().isEmpty()) {
            sb.append("Previous messages:\n");
            r.lastMessages().forEach(m -> sb.append("> ").append(m).append('\n'));
        }
        if (!r.cart().isEmpty()) {
            sb.append("Current cart: ");
            sb.append(
                    r.cart().stream().map(c -> c.quantity() + " x " + c.name()).collect(Collectors.joining(", ")));
            sb.append('\n');
        }
        sb.append("Candidate menu items:\n");
        sb.append(lines.isEmpty() ? "(none)\n" : String.join("\n", lines) + "\n");
        sb.append("Message: ").append(r.text());
        return sb.toString();
    }
}
