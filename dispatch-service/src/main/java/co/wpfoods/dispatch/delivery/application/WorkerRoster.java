package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.domain.WorkerProfile;
import co.wpfoods.dispatch.delivery.domain.WorkerPrompt;
import co.wpfoods.dispatch.delivery.domain.WorkerState;
import co.wpfoods.dispatch.matching.domain.GeoPoint;
import co.wpfoods.dispatch.matching.domain.Vehicle;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Port: Workers as the delivery flow sees them: profile, chat state and latest location, availability sessions, location history and the last question sent. Implemented by the database adapter; every method joins the caller's transaction. */
public interface WorkerRoster {

    public record FreeWorkerRow(String workerId, Vehicle vehicle, String zone, GeoPoint location) {}

    Optional<WorkerProfile> workerByNumber(String waId);

    Optional<WorkerProfile> worker(String workerId);

    void setWorkerDetails(String workerId, Vehicle vehicle, String zone, Locale locale);

    /** Sets the worker's suspension; false when it already was so (nothing changed). */
    boolean setSuspended(String workerId, boolean suspended);

    void setLanguage(String workerId, Locale locale);

    /** The worker's state row, created on first use and locked: one message of a worker at a time. */
    WorkerState lockState(String workerId);

    void saveState(WorkerState s, Instant now);

    void startSession(String workerId, Instant now);

    void endSession(String workerId, String reason, Instant now);

    /** Online, confirmed, active, located since the cut-off, no offer out and room for another delivery. */
    List<FreeWorkerRow> freeWorkers(Instant locatedSince, int maxActiveDeliveries);

    /**
     * Online, confirmed, active, not suspended workers whose location is older than the cut-off and who were not asked
     * for it since then, locked (skipping rows a message is holding: they are asked next time).
     */
    List<String> lockWorkersToAskForLocation(Instant staleBefore);

    void markLocationRequested(String workerId, Instant now);

    void addLocation(String workerId, String orderId, GeoPoint at, Instant now, int keep);

    List<GeoPoint> locationHistory(String orderId);

    /** Keeps the last question sent to the worker (replacing the one before). */
    void rememberPrompt(String workerId, WorkerPrompt prompt);

    Optional<WorkerPrompt> lastPrompt(String workerId);
}
