package co.wpfoods.messaging.privacy.application;

import co.wpfoods.messaging.privacy.domain.ErasureResult;

/** Publishes this service's {@code ErasureConfirmed} through the outbox, in the caller's transaction. */
public interface ErasureConfirmations {

    void confirmed(String erasureId, ErasureResult result);
}
