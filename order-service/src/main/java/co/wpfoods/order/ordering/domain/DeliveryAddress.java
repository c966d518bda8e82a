package co.wpfoods.order.ordering.domain;

import co.wpfoods.order.catalog.domain.GeoLocation;

/** Where to bring the order: what the worker reads ({@code text}) and where it is on the map ({@code point}). */
public record DeliveryAddress(String text, GeoLocation point) {}
