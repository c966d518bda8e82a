package co.wpfoods.dispatch.worker.domain;

import co.wpfoods.schemas.wa.WaId;
import java.time.Instant;
import java.util.Objects;

/** A rapitendero: who they are and the WhatsApp number they work from. */
public record Worker(WorkerId id, String name, WaId waId, boolean active) {

    public static final int MAX_NAME_LENGTH = 100;

    public Worker {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(waId, "waId");
        if (name == null || name.isBlank()) {
            throw new InvalidWorkerException("name is required");
        }
        name = name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidWorkerException("name must be at most " + MAX_NAME_LENGTH + " characters");
        }
    }

    /** A new rapitendero joins; returns them with the event that announces it. */
    public static Registration register(String name, WaId waId, Instant now) {
        var worker = new Worker(WorkerId.newId(), name, waId, true);
        return new Registration(worker, new Registered(worker, now));
    }

    public record Registration(Worker worker, Registered event) {}

    /** The worker joined; published so the role directory knows the number is a worker. */
    public record Registered(Worker worker, Instant occurredAt) {}
}
