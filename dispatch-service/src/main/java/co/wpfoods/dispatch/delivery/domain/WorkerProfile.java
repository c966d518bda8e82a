package co.wpfoods.dispatch.delivery.domain;

import co.wpfoods.dispatch.matching.domain.Vehicle;
import java.util.Locale;

/** A worker as the delivery flow needs them. */
public record WorkerProfile(
        String workerId,
        String name,
        String waId,
        Vehicle vehicle,
        String zone,
        Locale locale,
        boolean active,
        boolean suspended) {

    public WorkerProfile withLocale(Locale value) {
        return new WorkerProfile(workerId, name, waId, vehicle, zone, value, active, suspended);
    }

    public String firstName() {
        return name.strip().split("\\s+")[0];
    }
}
