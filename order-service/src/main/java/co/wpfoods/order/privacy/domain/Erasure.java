package co.wpfoods.order.privacy.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One person's request to be forgotten (Ley 1581, right to delete) as the coordinator tracks it: who asked, which
 * services must confirm, and what each confirmed. It is complete when every expected service has confirmed; then the
 * person is told and their number is forgotten here too (only the report's figures remain).
 */
public final class Erasure {

    public enum RequestedBy {
        CHAT,
        OPS
    }

    private final String id;
    private String waId;
    private final RequestedBy requestedBy;
    private final String requestedBySubject;
    private final String language;
    private final Instant requestedAt;
    private final List<String> expectedServices;
    private final Map<String, Confirmation> confirmations;
    private Instant completedAt;

    public Erasure(
            String id,
            String waId,
            RequestedBy requestedBy,
            String requestedBySubject,
            String language,
            Instant requestedAt,
            Collection<String> expectedServices,
            Collection<Confirmation> confirmations,
            Instant completedAt) {
        this.id = id;
        this.waId = waId;
        this.requestedBy = requestedBy;
        this.requestedBySubject = requestedBySubject;
        this.language = language;
        this.requestedAt = requestedAt;
        this.expectedServices = List.copyOf(expectedServices);
        this.confirmations = new LinkedHashMap<>();
        confirmations.forEach(c -> this.confirmations.put(c.service(), c));
        this.completedAt = completedAt;
    }

    /** A new erasure of {@code waId}, expecting a confirmation from each of {@code services}. */
    public static Erasure start(
            String waId, RequestedBy by, String subject, String language, Instant now, Collection<String> services) {
        if (services.isEmpty()) {
            throw new IllegalArgumentException("an erasure needs at least one service to confirm it");
        }
        return new Erasure(
                "e-" + UUID.randomUUID(),
                waId,
                by,
                subject,
                "en".equals(language) ? "en" : "es",
                now,
                services,
                List.of(),
                null);
    }

    /**
     * Records a service's confirmation (a second one from the same service is ignored: the first stands). Returns true
     * when this confirmation completed the erasure: every expected service has now confirmed. The number is forgotten
     * by {@link #forgetNumber()} once the person has been told.
     */
    public boolean confirm(Confirmation confirmation) {
        if (confirmations.containsKey(confirmation.service())) {
            return false;
        }
        confirmations.put(confirmation.service(), confirmation);
        if (completedAt == null && missing().isEmpty()) {
            completedAt = confirmation.confirmedAt();
            return true;
        }
        return false;
    }

    public void forgetNumber() {
        this.waId = null;
    }

    /** Expected services that have not confirmed yet. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (String service : expectedServices) {
            if (!confirmations.containsKey(service)) {
                missing.add(service);
            }
        }
        return missing;
    }

    public boolean complete() {
        return completedAt != null;
    }

    public String id() {
        return id;
    }

    /** The number while the erasure runs; empty once it is complete. */
    public Optional<String> waId() {
        return Optional.ofNullable(waId);
    }

    public RequestedBy requestedBy() {
        return requestedBy;
    }

    public String requestedBySubject() {
        return requestedBySubject;
    }

    public String language() {
        return language;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public List<String> expectedServices() {
        return expectedServices;
    }

    public Map<String, Confirmation> confirmations() {
        return Map.copyOf(confirmations);
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }
}
