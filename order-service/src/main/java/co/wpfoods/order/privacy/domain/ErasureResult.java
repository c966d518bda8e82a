package co.wpfoods.order.privacy.domain;

/** What a service did for one erasure: rows deleted, rows kept with their personal fields removed, and per table. */
public record ErasureResult(int rowsDeleted, int rowsAnonymized, String detail) {}
