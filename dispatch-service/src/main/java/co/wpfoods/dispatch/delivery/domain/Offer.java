package co.wpfoods.dispatch.delivery.domain;

import java.time.Instant;

/** A delivery offered to one worker, answered or not. */
public record Offer(
        String offerId,
        String orderId,
        String workerId,
        Instant sentAt,
        Instant expiresAt,
        int distanceMeters,
        long estimatedPayCop,
        Answer answer) {

    public enum Answer {
        PENDING,
        ACCEPTED,
        DECLINED,
        EXPIRED,
        /** the order was cancelled while the offer was out */
        WITHDRAWN
    }
}
