package co.wpfoods.order.privacy.domain;

import java.util.List;

/** What one service is asked to forget: the person's WhatsApp number and the orders they placed. */
public record ErasureRequest(String erasureId, String waId, List<String> orderIds, List<String> orderReferences) {

    public ErasureRequest {
        if (erasureId == null || erasureId.isBlank()) {
            throw new IllegalArgumentException("an erasure needs its id");
        }
        if (waId == null || waId.isBlank()) {
            throw new IllegalArgumentException("an erasure needs the person's number");
        }
        orderIds = List.copyOf(orderIds);
        orderReferences = List.copyOf(orderReferences);
    }
}
