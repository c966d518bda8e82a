package co.wpfoods.dispatch.matching.domain;

/** One pair of the batch's plan: offer this order to this worker. */
public record Assignment(String orderId, String workerId, long cost, int distanceMeters) {}
