package co.wpfoods.ai.understanding.application.provider;

import java.util.List;

/**
 * What a model is asked to return for a message (structured output). Validated and resolved against the menu index
 * before anything uses it.
 */
public record IntentDraft(
        String intent,
        Double confidence,
        String language,
        List<DraftItem> items,
        String address,
        String time,
        String paymentMethod,
        String pin,
        String orderReference) {

    public record DraftItem(String name, Integer quantity, List<String> modifiers) {}
}
