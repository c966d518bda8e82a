package co.wpfoods.dispatch.matching.domain;

/** An online rapitendero with a fresh location and room for a delivery. */
public record FreeWorker(String workerId, GeoPoint location, Vehicle vehicle) {}
