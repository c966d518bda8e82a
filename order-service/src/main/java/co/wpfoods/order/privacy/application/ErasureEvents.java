package co.wpfoods.order.privacy.application;

import co.wpfoods.order.privacy.domain.Erasure;
import co.wpfoods.privacy.domain.ErasureResult;
import java.util.List;

/** Publishes on {@code privacy.erasure.v1} through the outbox, in the caller's transaction. */
public interface ErasureEvents {

    void requested(Erasure erasure, List<CustomerRecords.OrderRef> orders);

    void confirmed(String erasureId, String service, ErasureResult result);
}
