package co.wpfoods.dispatch.delivery.adapter.in.web;

import co.wpfoods.dispatch.delivery.application.DispatchClock;
import co.wpfoods.dispatch.delivery.application.EarningsBook;
import co.wpfoods.dispatch.delivery.application.OpsDesk;
import co.wpfoods.dispatch.delivery.application.ReadingEarnings;
import co.wpfoods.dispatch.delivery.application.SuspendingWorkers;
import co.wpfoods.dispatch.delivery.application.WorkerRoster;
import co.wpfoods.security.web.PageBounds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ops: earnings and payouts per worker, suspending and reinstating workers, the problem queue, alerts (acknowledged
 * here), and the weather per zone (rain bonus).
 */
@RestController
@RequestMapping("/api/dispatch")
@Tag(name = "dispatch ops")
class OpsController {

    private final WorkerRoster roster;
    private final EarningsBook earningsBook;
    private final OpsDesk opsDesk;
    private final ReadingEarnings earnings;
    private final DispatchClock clock;
    private final SuspendingWorkers suspensions;

    OpsController(
            WorkerRoster roster,
            EarningsBook earningsBook,
            OpsDesk opsDesk,
            ReadingEarnings earnings,
            DispatchClock clock,
            SuspendingWorkers suspensions) {
        this.roster = roster;
        this.earningsBook = earningsBook;
        this.opsDesk = opsDesk;
        this.earnings = earnings;
        this.clock = clock;
        this.suspensions = suspensions;
    }

    @Operation(summary = "A worker's earnings: today, this week, or from/to (local dates, to exclusive)")
    @GetMapping("/workers/{workerId}/earnings")
    ResponseEntity<ReadingEarnings.Period> earnings(
            @PathVariable String workerId,
            @RequestParam(defaultValue = "today") String period,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        if (roster.worker(workerId).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if (from != null || to != null) {
            if (from == null || to == null) {
                throw new BadRequest("from and to go together");
            }
            LocalDate start = date(from);
            LocalDate end = date(to);
            if (!end.isAfter(start)) {
                throw new BadRequest("to must be after from");
            }
            return ResponseEntity.ok(earnings.between(workerId, start, end));
        }
        return switch (period) {
            case "today" -> ResponseEntity.ok(earnings.today(workerId));
            case "week" -> ResponseEntity.ok(earnings.thisWeek(workerId));
            default -> throw new BadRequest("period is today or week");
        };
    }

    record PayoutRequest(String upTo, String reference) {}

    record PayoutView(String id, String workerId, long amountCop, String reference, Instant paidAt) {}

    @Operation(summary = "Marks the worker's unpaid earnings (before upTo, default now) as paid by one payout")
    @PostMapping("/workers/{workerId}/payouts")
    @Transactional
    ResponseEntity<?> pay(@PathVariable String workerId, @RequestBody(required = false) PayoutRequest request) {
        if (roster.worker(workerId).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Instant now = clock.now();
        Instant upTo = now;
        if (request != null && request.upTo() != null) {
            try {
                upTo = Instant.parse(request.upTo());
            } catch (DateTimeParseException e) {
                throw new BadRequest("upTo must be an ISO-8601 instant: " + request.upTo());
            }
        }
        String id = "po-" + UUID.randomUUID();
        long amount = earningsBook.pay(id, workerId, upTo, request == null ? null : request.reference(), now);
        if (amount == 0) {
            return ResponseEntity.unprocessableContent()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.UNPROCESSABLE_CONTENT, "nothing unpaid before " + upTo));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new PayoutView(id, workerId, amount, request == null ? null : request.reference(), now));
    }

    @Operation(summary = "A worker's payouts, oldest first")
    @GetMapping("/workers/{workerId}/payouts")
    List<EarningsBook.PayoutRow> payouts(
            @PathVariable String workerId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        checkPage(page, size);
        return earningsBook.payouts(workerId, page, size);
    }

    @Operation(summary = "Problems reported by rapitenderos (open ones unless all=true)")
    @GetMapping("/problems")
    List<OpsDesk.ProblemRow> problems(
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        checkPage(page, size);
        return opsDesk.problems(!all, page, size);
    }

    @Operation(summary = "Marks a problem resolved")
    @PostMapping("/problems/{id}/resolve")
    @Transactional
    ResponseEntity<Void> resolve(@PathVariable long id) {
        return opsDesk.resolveProblem(id, clock.now())
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @Operation(summary = "Alerts for ops not yet acknowledged (no worker, PIN failures, problems)")
    @GetMapping("/alerts")
    List<OpsDesk.AlertRow> alerts(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        checkPage(page, size);
        return opsDesk.alerts(page, size);
    }

    @Operation(summary = "Acknowledges an ops alert: it leaves the open list (204; 404 when unknown or already done)")
    @PostMapping("/alerts/{id}/acknowledge")
    @Transactional
    ResponseEntity<Void> acknowledge(@PathVariable long id) {
        return opsDesk.acknowledgeAlert(id, clock.now())
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    record Suspension(String reason) {}

    @Operation(
            summary = "Suspends a worker: no offers, taken offline (a pending offer moves on), told by chat, cannot go"
                    + " online until reinstated (204; 409 when already suspended; 404 unknown worker)")
    @PutMapping("/workers/{workerId}/suspension")
    ResponseEntity<?> suspend(@PathVariable String workerId, @RequestBody(required = false) Suspension body) {
        String reason =
                body == null || body.reason() == null ? null : body.reason().strip();
        if (reason != null && reason.length() > 500) {
            throw new BadRequest("reason is at most 500 characters");
        }
        return outcome(suspensions.suspend(workerId, reason), "already suspended");
    }

    @Operation(
            summary = "Reinstates a suspended worker, who is told and may go online again (204; 409 when not"
                    + " suspended; 404 unknown worker)")
    @DeleteMapping("/workers/{workerId}/suspension")
    ResponseEntity<?> reinstate(@PathVariable String workerId) {
        return outcome(suspensions.reinstate(workerId), "not suspended");
    }

    private static ResponseEntity<?> outcome(SuspendingWorkers.Outcome outcome, String already) {
        return switch (outcome) {
            case DONE -> ResponseEntity.noContent().build();
            case ALREADY ->
                ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, already));
            case UNKNOWN_WORKER -> ResponseEntity.notFound().build();
        };
    }
    /** Every list is bounded (OWASP API4): page ≥ 0, size 1–100. */
    static void checkPage(int page, int size) {
        PageBounds.check(page, size);
    }

    record Weather(Boolean raining) {}

    @Operation(summary = "Sets whether it rains in a zone (rain bonus on deliveries there)")
    @PutMapping("/zones/{zone}/weather")
    @Transactional
    ResponseEntity<Weather> weather(@PathVariable String zone, @RequestBody Weather weather) {
        if (weather == null || weather.raining() == null) {
            throw new BadRequest("raining (true or false) is required");
        }
        opsDesk.setRaining(zone, weather.raining(), clock.now());
        return ResponseEntity.ok(weather);
    }

    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    @ExceptionHandler(BadRequest.class)
    ProblemDetail badRequest(BadRequest e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest("a date is YYYY-MM-DD: " + text);
        }
    }
}
