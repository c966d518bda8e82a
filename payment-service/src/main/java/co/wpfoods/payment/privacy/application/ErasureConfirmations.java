package co.wpfoods.payment.privacy.application;

import co.wpfoods.payment.privacy.domain.ErasureResult;

/** Publishes this service's {@code ErasureConfirmed} through the outbox, in the caller's transaction. */
public interface ErasureConfirmations {

    void confirmed(String erasureId, ErasureResult result);
}
