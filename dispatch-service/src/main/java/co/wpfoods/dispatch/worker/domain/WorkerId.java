package co.wpfoods.dispatch.worker.domain;

import java.util.UUID;

/** Identity of a rapitendero. */
public record WorkerId(String value) {

    public WorkerId {
        if (value == null || value.isBlank()) {
            throw new InvalidWorkerException("worker id must not be blank");
        }
    }

    public static WorkerId newId() {
        return new WorkerId("w-" + UUID.randomUUID());
    }
}
