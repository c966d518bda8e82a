package co.wpfoods.dispatch.worker.adapter.in.web;

import co.wpfoods.dispatch.delivery.application.OnboardingWorker;
import co.wpfoods.dispatch.matching.domain.Vehicle;
import co.wpfoods.dispatch.worker.application.NumberTakenException;
import co.wpfoods.dispatch.worker.application.Workers;
import co.wpfoods.dispatch.worker.domain.InvalidWorkerException;
import co.wpfoods.dispatch.worker.domain.Worker;
import co.wpfoods.dispatch.worker.domain.WorkerId;
import co.wpfoods.schemas.wa.WaId;
import java.net.URI;
import java.util.List;
import java.util.Locale;
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

/** Registers rapitenderos (the launcher's demo data and, later, the ops dashboard). */
@RestController
@RequestMapping("/api/dispatch/workers")
class WorkerController {

    private final OnboardingWorker onboarding;
    private final Workers workers;

    WorkerController(OnboardingWorker onboarding, Workers workers) {
        this.onboarding = onboarding;
        this.workers = workers;
    }

    /** {@code vehicle} MOTORCYCLE (default), CAR, BICYCLE or ON_FOOT; {@code zone} optional; {@code language} es (default) or en. */
    record RegisterWorker(String name, String waId, String vehicle, String zone, String language) {}

    record WorkerView(String id, String name, String waId, boolean active) {
        static WorkerView of(Worker worker) {
            return new WorkerView(
                    worker.id().value(), worker.name(), worker.waId().value(), worker.active());
        }
    }

    @PostMapping
    ResponseEntity<WorkerView> register(@RequestBody RegisterWorker request) {
        Vehicle vehicle;
        try {
            vehicle = Vehicle.parse(request.vehicle());
        } catch (IllegalArgumentException e) {
            throw new InvalidWorkerException(e.getMessage());
        }
        String language =
                request.language() == null ? "es" : request.language().strip().toLowerCase(Locale.ROOT);
        if (!language.equals("es") && !language.equals("en")) {
            throw new InvalidWorkerException("language must be es or en: " + request.language());
        }
        String zone = request.zone() == null || request.zone().isBlank()
                ? null
                : request.zone().strip();
        var worker = onboarding.onboard(
                request.name(), WaId.parse(request.waId()), vehicle, zone, Locale.forLanguageTag(language));
        return ResponseEntity.created(
                        URI.create("/api/dispatch/workers/" + worker.id().value()))
                .body(WorkerView.of(worker));
    }

    /** Oldest first, a page at a time (OWASP API4): page ≥ 0, size 1–100. */
    @GetMapping
    List<WorkerView> all(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw new InvalidWorkerException("page must be ≥ 0 and size 1–100");
        }
        return workers.page(page, size).stream().map(WorkerView::of).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<WorkerView> one(@PathVariable String id) {
        return workers.find(new WorkerId(id))
                .map(WorkerView::of)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @ExceptionHandler(InvalidWorkerException.class)
    ProblemDetail invalid(InvalidWorkerException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NumberTakenException.class)
    ProblemDetail taken(NumberTakenException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
