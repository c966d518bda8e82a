package co.wpfoods.dispatch.delivery.application;

import java.time.Instant;
import java.util.List;

/** Port: What ops see and act on: problem reports, alerts, zone conditions. Implemented by the database adapter; every method joins the caller's transaction. */
public interface OpsDesk {

    public record ProblemRow(
            long id, String workerId, String orderId, String kind, Instant reportedAt, Instant resolvedAt) {}

    public record AlertRow(long id, String kind, String orderId, String workerId, String detail, Instant raisedAt) {}

    void report(String workerId, String orderId, String kind, Instant now);

    List<ProblemRow> problems(boolean openOnly, int page, int size);

    boolean resolveProblem(long id, Instant now);

    void alert(String kind, String orderId, String workerId, String detail, Instant now);

    /** Acknowledges an open alert; false when unknown or already acknowledged. */
    boolean acknowledgeAlert(long id, Instant now);

    List<AlertRow> alerts(int page, int size);

    boolean raining(String zone);

    void setRaining(String zone, boolean raining, Instant now);
}
