package co.wpfoods.dispatch.delivery.application;

import java.time.Instant;

/** Fires an offer's expiry once, at its time, even across a restart (joins the caller's transaction). */
public interface OfferTimers {

    void expireAt(String offerId, Instant at);
}
