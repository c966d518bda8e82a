package co.wpfoods.order.privacy.adapter.out.events;

import co.wpfoods.eventing.outbox.OutboxEvent;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.order.privacy.application.CustomerRecords;
import co.wpfoods.order.privacy.application.ErasureEvents;
import co.wpfoods.order.privacy.domain.Erasure;
import co.wpfoods.privacy.domain.ErasureResult;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.privacy.ErasureConfirmed;
import co.wpfoods.schemas.privacy.ErasureRequested;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code ErasureRequested} and this service's {@code ErasureConfirmed}, keyed by erasure id, through the outbox. */
@Component
class OutboxErasureEvents implements ErasureEvents {

    private final OutboxWriter outbox;
    private final Clock clock;

    OutboxErasureEvents(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void requested(Erasure erasure, List<CustomerRecords.OrderRef> orders) {
        var event = ErasureRequested.newBuilder()
                .setErasureId(erasure.id())
                .setWaId(erasure.waId().orElseThrow())
                .setRequestedBy(erasure.requestedBy().name())
                .setLanguage(erasure.language())
                .setOrderIds(orders.stream().map(CustomerRecords.OrderRef::id).toList())
                .setOrderReferences(
                        orders.stream().map(CustomerRecords.OrderRef::reference).toList())
                .setRequestedAt(erasure.requestedAt())
                .build();
        outbox.append(OutboxEvent.of(Topics.Privacy.ERASURE, erasure.id(), event, "privacy:" + erasure.id()));
    }

    @Override
    public void confirmed(String erasureId, String service, ErasureResult result) {
        var event = ErasureConfirmed.newBuilder()
                .setErasureId(erasureId)
                .setService(service)
                .setRowsDeleted(result.rowsDeleted())
                .setRowsAnonymized(result.rowsAnonymized())
                .setDetail(result.detail())
                .setConfirmedAt(clock.instant())
                .build();
        outbox.append(OutboxEvent.of(Topics.Privacy.ERASURE, erasureId, event, "privacy:" + erasureId));
    }
}
