package co.wpfoods.webhook.receiving.application;

import java.time.Instant;

/** A webhook POST as it arrived, for the raw archive and the record headers. */
public record RawWebhook(byte[] body, Instant receivedAt, String requestId, String signature, String traceparent) {}
