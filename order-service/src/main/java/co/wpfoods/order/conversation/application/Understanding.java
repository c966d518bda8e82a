package co.wpfoods.order.conversation.application;

import java.util.List;
import java.util.Optional;

/**
 * ai-service's reading of free text. Empty when it is slow, down or its breaker is open: the caller then answers with
 * the current step's options, never a guess.
 */
public interface Understanding {

    Optional<Understood> understand(Request request);

    record Request(
            String role,
            String language,
            String text,
            String restaurantId,
            List<CartItem> cart,
            /* the text of the last message we sent this person (our question), or null */
            String lastQuestion,
            String correlationId) {}

    record CartItem(String itemId, String name, int quantity) {}

    record Understood(
            String intent,
            double confidence,
            List<Mention> items,
            String restaurantId,
            Address address,
            String paymentMethod,
            String orderReference,
            Long priceCop,
            String language) {
        public Understood {
            items = items == null ? List.of() : items;
        }
    }

    /** An item ai-service matched on a menu, with quantity and the modifiers it recognised. */
    record Mention(
            String itemId,
            String name,
            String restaurantId,
            int quantity,
            List<String> modifierIds,
            List<String> unmatchedModifiers) {
        public Mention {
            modifierIds = modifierIds == null ? List.of() : modifierIds;
            unmatchedModifiers = unmatchedModifiers == null ? List.of() : unmatchedModifiers;
        }
    }

    /** A Colombian address as parsed ("Calle 85 # 11-53"): the via, its number, the cross street, the plate. */
    record Address(String viaType, String viaNumber, String crossNumber, String plate, String raw, String normalized) {}
}
