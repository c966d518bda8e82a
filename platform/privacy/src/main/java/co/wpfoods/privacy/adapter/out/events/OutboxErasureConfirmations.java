package co.wpfoods.privacy.adapter.out.events;

import co.wpfoods.eventing.outbox.OutboxEvent;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.privacy.application.ErasureConfirmations;
import co.wpfoods.privacy.domain.ErasureResult;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.privacy.ErasureConfirmed;
import java.time.Clock;

/** {@code ErasureConfirmed} on {@code privacy.erasure.v1}, keyed by erasure id, naming this service. */
public class OutboxErasureConfirmations implements ErasureConfirmations {

    private final OutboxWriter outbox;
    private final String service;
    private final Clock clock;

    public OutboxErasureConfirmations(OutboxWriter outbox, String service, Clock clock) {
        this.outbox = outbox;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void confirmed(String erasureId, ErasureResult result) {
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
