package co.wpfoods.privacy.application;

import co.wpfoods.privacy.domain.ErasureResult;

/** Publishes this service's {@code ErasureConfirmed} through the outbox, in the caller's transaction. */
public interface ErasureConfirmations {

    void confirmed(String erasureId, ErasureResult result);
}
