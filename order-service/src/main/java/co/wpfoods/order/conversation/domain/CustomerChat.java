package co.wpfoods.order.conversation.domain;

import co.wpfoods.order.ordering.domain.PaymentMethod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's conversation: the step, the language, consent, the restaurant in focus, the cart and the checkout
 * being built. Stored as JSON in {@code conversation.state}, changed only inside the transaction that handles one
 * message (with the inbox record and the replies), so a restart or another replica continues it. A working memory,
 * hence mutable fields; the rules live in the dialogue.
 */
public final class CustomerChat {

    public Step step = Step.CONSENT;
    public String language = "es";
    public Instant consentAt;
    /** The privacy policy version the consent question last showed (what an "Acepto" agrees to). */
    public String policyShown;
    /** When we asked whether they want promotions (asked once; the answer is in the consent ledger). */
    public Instant marketingAskedAt;

    public String name;
    public String restaurantId;
    public List<CartLine> cart = new ArrayList<>();
    /** A line waiting for its required modifiers. */
    public CartLine pendingLine;

    public String pendingRestaurantId;
    /** Lines to add after switching restaurant (when the switch was asked because of them). */
    public List<CartLine> pendingLines = new ArrayList<>();

    public Double latitude;
    public Double longitude;
    public String addressText;
    /** A typed address waiting for "yes, that's it". */
    public String proposedAddress;

    public Double proposedLatitude;
    public Double proposedLongitude;
    public String notes;
    public PaymentMethod payment;
    public Long cashChangeForCop;
    /** The token in the summary's button ids; a confirm with another token is stale. */
    public String checkoutToken;
    /** Tokens already confirmed → their order reference (a second tap answers with the order). */
    public Map<String, String> placedCheckouts = new LinkedHashMap<>();

    public String lastOrderRef;
    /** Named delivery addresses, oldest first. */
    public List<SavedAddress> addresses = new ArrayList<>();
    /** The order whose address is being named (step {@code ASK_ADDRESS_NAME}). */
    public String namingOrderRef;
    /** A complaint waiting for its kind (step {@code ASK_COMPLAINT_KIND}). */
    public String complaintText;

    public int restaurantsPage;
    public String lastQuestion;
    /** The text of the last message we sent (see {@code Replies.lastPrompt}), for ai-service to read short replies. */
    public String lastPrompt;

    public boolean consented() {
        return consentAt != null;
    }

    public boolean hasDeliveryPoint() {
        return latitude != null && longitude != null;
    }

    public void clearCart() {
        cart = new ArrayList<>();
        pendingLine = null;
        checkoutToken = null;
    }

    public void rememberPlaced(String token, String reference) {
        placedCheckouts.put(token, reference);
        while (placedCheckouts.size() > 5) {
            placedCheckouts.remove(placedCheckouts.keySet().iterator().next());
        }
    }

    public long cartTotalCop() {
        return cart.stream().mapToLong(CartLine::totalCop).sum();
    }
}
