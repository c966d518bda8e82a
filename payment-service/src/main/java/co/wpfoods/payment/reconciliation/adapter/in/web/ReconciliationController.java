package co.wpfoods.payment.reconciliation.adapter.in.web;

import co.wpfoods.payment.payment.application.Page;
import co.wpfoods.payment.payment.domain.InvalidPaymentException;
import co.wpfoods.payment.reconciliation.application.ReconciliationReports;
import co.wpfoods.payment.reconciliation.application.ReconcilingPayments;
import co.wpfoods.payment.reconciliation.domain.ReconciliationReport;
import co.wpfoods.security.web.PageBounds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ops: reconciliation reports (our card payments against the provider's), and a run on demand. */
@RestController
@RequestMapping("/api/payments/reconciliation")
@Tag(name = "reconciliation", description = "Our payments compared with the provider's")
class ReconciliationController {

    static final Duration MAX_PERIOD = Duration.ofDays(31);

    private final ReconciliationReports reports;
    private final ReconcilingPayments reconciling;

    ReconciliationController(ReconciliationReports reports, ReconcilingPayments reconciling) {
        this.reports = reports;
        this.reconciling = reconciling;
    }

    record RunRequest(Instant from, Instant to) {}

    @GetMapping
    @Operation(summary = "Reports, newest first (without their differences); paginated")
    Page<ReconciliationReport> list(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageBounds.check(page, size);
        return reports.page(page, size);
    }

    @GetMapping("/{reportId}")
    @Operation(summary = "One report with its differences")
    ResponseEntity<ReconciliationReport> one(@PathVariable String reportId) {
        return reports.find(reportId)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping
    @Operation(summary = "Reconcile a period now (at most 31 days)")
    ReconciliationReport run(@RequestBody RunRequest request) {
        if (request == null || request.from() == null || request.to() == null) {
            throw new IllegalArgumentException("from and to are required (ISO-8601 instants)");
        }
        if (!request.to().isAfter(request.from())) {
            throw new IllegalArgumentException("to must be after from");
        }
        if (Duration.between(request.from(), request.to()).compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("a period is at most 31 days");
        }
        return reconciling.reconcile(request.from(), request.to());
    }

    @ExceptionHandler(InvalidPaymentException.class)
    ProblemDetail invalidPage(InvalidPaymentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
