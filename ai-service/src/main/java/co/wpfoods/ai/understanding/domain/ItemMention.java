package co.wpfoods.ai.understanding.domain;

import java.util.List;

/** A menu item the message refers to, resolved against the menu index. */
public record ItemMention(
        String itemId,
        String name,
        String restaurantId,
        int quantity,
        List<ItemModifier> modifiers,
        String matchedText,
        double score) {

    public ItemMention {
        modifiers = List.copyOf(modifiers);
    }
}
