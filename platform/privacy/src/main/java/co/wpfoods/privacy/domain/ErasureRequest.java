package co.wpfoods.privacy.domain;

import java.util.List;

/** What this service is asked to forget (Ley 1581, right to delete): a WhatsApp number and the person's orders. */
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
