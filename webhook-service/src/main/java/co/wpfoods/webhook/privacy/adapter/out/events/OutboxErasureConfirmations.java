package co.wpfoods.webhook.privacy.adapter.out.events;

import co.wpfoods.eventing.outbox.OutboxEvent;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.privacy.ErasureConfirmed;
import co.wpfoods.webhook.privacy.application.ErasureConfirmations;
import co.wpfoods.webhook.privacy.domain.ErasureResult;
import java.time.Instant;

/** {@code ErasureConfirmed} on {@code privacy.erasure.v1}, keyed by erasure id, naming this service. */
public class OutboxErasureConfirmations implements ErasureConfirmations {

    private final OutboxWriter outbox;
    private final String service;

    public OutboxErasureConfirmations(OutboxWriter outbox, String service) {
        this.outbox = outbox;
        this.service = service;
    }

    @Override
    public void confirmed(String erasureId, ErasureResult result) {
        var event = ErasureConfirmed.newBuilder()
                .setErasureId(erasureId)
                .setService(service)
                .setRowsDeleted(result.rowsDeleted())
                .setRowsAnonymized(result.rowsAnonymized())
                .setDetail(result.detail())
                .setConfirmedAt(Instant.now())
                .build();
        outbox.append(OutboxEvent.of(Topics.Privacy.ERASURE, erasureId, event, "privacy:" + erasureId));
    }
}
