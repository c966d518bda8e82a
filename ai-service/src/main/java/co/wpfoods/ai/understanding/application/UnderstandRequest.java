package co.wpfoods.ai.understanding.application;

import co.wpfoods.ai.understanding.domain.Role;
import java.time.LocalTime;
import java.util.List;

/**
 * A message to understand, with what the caller knows of the conversation. {@code restaurantId} is the restaurant in
 * focus (may be null), {@code now} the local time in Bogotá used to read "para las 8".
 */
public record UnderstandRequest(
        Role role,
        String languageHint,
        String text,
        String restaurantId,
        List<String> lastMessages,
        List<CartLine> cart,
        LocalTime now) {

    public UnderstandRequest {
        lastMessages = lastMessages == null ? List.of() : List.copyOf(lastMessages);
        cart = cart == null ? List.of() : List.copyOf(cart);
    }

    public static UnderstandRequest of(Role role, String text, String restaurantId) {
        return new UnderstandRequest(role, null, text, restaurantId, List.of(), List.of(), LocalTime.NOON);
    }

    public record CartLine(String itemId, String name, int quantity) {}
}
