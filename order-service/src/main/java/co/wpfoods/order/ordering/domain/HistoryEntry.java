package co.wpfoods.order.ordering.domain;

import java.time.Instant;

/** One step of an order's life: which status it entered, when, and who moved it. */
public record HistoryEntry(OrderStatus status, Instant at, Actor actor, String note) {}
