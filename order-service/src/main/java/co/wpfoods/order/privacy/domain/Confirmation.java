package co.wpfoods.order.privacy.domain;

import java.time.Instant;

/** One service's word that it erased the person's data in its own database. */
public record Confirmation(String service, int rowsDeleted, int rowsAnonymized, String detail, Instant confirmedAt) {}
