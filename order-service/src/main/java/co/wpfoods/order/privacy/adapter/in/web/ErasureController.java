package co.wpfoods.order.privacy.adapter.in.web;

import co.wpfoods.order.privacy.application.Erasures;
import co.wpfoods.order.privacy.application.RequestingErasure;
import co.wpfoods.order.privacy.domain.Confirmation;
import co.wpfoods.order.privacy.domain.Erasure;
import co.wpfoods.security.Caller;
import co.wpfoods.security.web.PageBounds;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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

/** Erasures for ops (Ley 1581): start one for a number, read each service's confirmation. Ops only (the default). */
@RestController
@RequestMapping("/api/orders/privacy/erasures")
class ErasureController {

    private static final Pattern WA_ID = Pattern.compile("\\d{7,15}");

    private final RequestingErasure requesting;
    private final Erasures erasures;

    ErasureController(RequestingErasure requesting, Erasures erasures) {
        this.requesting = requesting;
        this.erasures = erasures;
    }

    record ErasureBody(String waId, String language) {}

    record ServiceView(
            String service,
            boolean confirmed,
            Instant confirmedAt,
            Integer rowsDeleted,
            Integer rowsAnonymized,
            String detail) {}

    record ErasureView(
            String id,
            String status,
            String requestedBy,
            Instant requestedAt,
            Instant completedAt,
            List<String> waitingFor,
            List<ServiceView> services) {

        static ErasureView of(Erasure e) {
            Map<String, Confirmation> confirmed = e.confirmations();
            var services = new java.util.ArrayList<ServiceView>();
            for (String service : e.expectedServices()) {
                var c = confirmed.get(service);
                services.add(
                        c == null
                                ? new ServiceView(service, false, null, null, null, null)
                                : new ServiceView(
                                        service,
                                        true,
                                        c.confirmedAt(),
                                        c.rowsDeleted(),
                                        c.rowsAnonymized(),
                                        c.detail()));
            }
            return new ErasureView(
                    e.id(),
                    e.complete() ? "COMPLETED" : "IN_PROGRESS",
                    e.requestedBy().name(),
                    e.requestedAt(),
                    e.completedAt().orElse(null),
                    e.missing(),
                    services);
        }
    }

    @Operation(summary = "Start erasing a person's data in every service (202), or show the one already running (200)")
    @PostMapping
    ResponseEntity<ErasureView> start(@RequestBody(required = false) ErasureBody body) {
        if (body == null || body.waId() == null) {
            throw new BadErasure("waId is required");
        }
        String waId = body.waId().replaceAll("[\\s+()\\-.]", "");
        if (!WA_ID.matcher(waId).matches()) {
            throw new BadErasure("waId must be 7 to 15 digits with its country code");
        }
        if (body.language() != null
                && !body.language().equals("es")
                && !body.language().equals("en")) {
            throw new BadErasure("language must be es or en");
        }
        var outcome = requesting.request(
                waId,
                Erasure.RequestedBy.OPS,
                Caller.current().subject(),
                body.language() == null ? "es" : body.language());
        return switch (outcome) {
            case RequestingErasure.Started started ->
                ResponseEntity.accepted()
                        .location(URI.create("/api/orders/privacy/erasures/"
                                + started.erasure().id()))
                        .body(ErasureView.of(started.erasure()));
            case RequestingErasure.AlreadyRunning running -> ResponseEntity.ok(ErasureView.of(running.erasure()));
            case RequestingErasure.OrderInProgress busy ->
                throw new OrderUnderWay(
                        "order " + busy.reference() + " is under way; erase after it is delivered or cancelled");
        };
    }

    @Operation(summary = "The erasure report: each service's confirmation")
    @GetMapping("/{id}")
    ResponseEntity<ErasureView> report(@PathVariable String id) {
        return erasures.find(id)
                .map(ErasureView::of)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @Operation(summary = "Erasures, newest first")
    @GetMapping
    List<ErasureView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageBounds.check(page, size);
        return erasures.page(page, size).stream().map(ErasureView::of).toList();
    }

    static final class BadErasure extends RuntimeException {
        BadErasure(String message) {
            super(message);
        }
    }

    static final class OrderUnderWay extends RuntimeException {
        OrderUnderWay(String message) {
            super(message);
        }
    }

    @ExceptionHandler(BadErasure.class)
    ProblemDetail bad(BadErasure e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(OrderUnderWay.class)
    ProblemDetail busy(OrderUnderWay e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
