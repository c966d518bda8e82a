package co.wpfoods.privacy.domain;

/** What this service did for one erasure: rows deleted, rows kept with the personal fields removed, per table. */
public record ErasureResult(int rowsDeleted, int rowsAnonymized, String detail) {}
