package co.wpfoods.payment.payment.adapter.in.web;

import co.wpfoods.payment.payment.application.LedgerBook;
import co.wpfoods.payment.payment.application.Page;
import co.wpfoods.payment.payment.application.PaymentNotFoundException;
import co.wpfoods.payment.payment.application.Payments;
import co.wpfoods.payment.payment.application.Receipts;
import co.wpfoods.payment.payment.application.RefundRecord;
import co.wpfoods.payment.payment.application.RefundRequests;
import co.wpfoods.payment.payment.application.RequestingRefunds;
import co.wpfoods.payment.payment.domain.Cop;
import co.wpfoods.payment.payment.domain.InvalidPaymentException;
import co.wpfoods.payment.payment.domain.LedgerEntry;
import co.wpfoods.payment.payment.domain.OrderId;
import co.wpfoods.payment.payment.domain.Payment;
import co.wpfoods.payment.payment.domain.PaymentId;
import co.wpfoods.payment.payment.domain.PaymentStatus;
import co.wpfoods.security.web.PageBounds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
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
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Ops: payments by order, date and status, each with its ledger and receipt; refunds, partial ones included. */
@RestController
@RequestMapping("/api/payments")
@Tag(name = "payments", description = "Payments, their ledger, receipts and refunds (ops)")
class PaymentsController {

    private final Payments payments;
    private final LedgerBook ledger;
    private final Receipts receipts;
    private final RefundRequests refunds;
    private final RequestingRefunds requesting;

    PaymentsController(
            Payments payments,
            LedgerBook ledger,
            Receipts receipts,
            RefundRequests refunds,
            RequestingRefunds requesting) {
        this.payments = payments;
        this.ledger = ledger;
        this.receipts = receipts;
        this.refunds = refunds;
        this.requesting = requesting;
    }

    record PaymentView(
            String id,
            String orderId,
            String orderReference,
            String restaurantId,
            String method,
            String provider,
            String status,
            long amountCop,
            long ivaCop,
            Long cashChangeForCop,
            long capturedCop,
            long refundedCop,
            long refundPendingCop,
            boolean orderCancelled,
            String checkoutSessionId,
            String paymentIntentId,
            String failureReason,
            Instant deadline,
            Instant createdAt) {
        static PaymentView of(Payment p) {
            return new PaymentView(
                    p.id().value(),
                    p.order().orderId().value(),
                    p.order().reference(),
                    p.order().restaurantId(),
                    p.method().name(),
                    p.provider(),
                    p.status().name(),
                    p.amount().value(),
                    p.order().iva().value(),
                    p.order().cashChangeFor() == null
                            ? null
                            : p.order().cashChangeFor().value(),
                    p.captured().value(),
                    p.refunded().value(),
                    p.refundPending().value(),
                    p.orderCancelled(),
                    p.checkout() == null ? null : p.checkout().sessionId(),
                    p.paymentIntentId(),
                    p.failureReason() == null ? null : p.failureReason().name(),
                    p.deadline(),
                    p.createdAt());
        }
    }

    record LedgerView(
            String movement, String debit, String credit, long amountCop, String reference, Instant occurredAt) {
        static LedgerView of(LedgerEntry e) {
            return new LedgerView(
                    e.movement().name(),
                    e.debit().name(),
                    e.credit().name(),
                    e.amount().value(),
                    e.reference(),
                    e.occurredAt());
        }
    }

    record PaymentDetail(PaymentView payment, List<LedgerView> ledger, ReceiptView receipt) {}

    record ReceiptView(long number, String printedNumber, String body, String fiscalStatus, Instant issuedAt) {}

    record RefundView(
            String id,
            String paymentId,
            String orderId,
            long amountCop,
            String reason,
            String requestedBy,
            String status,
            String providerReference,
            String failureDetail,
            Instant requestedAt,
            Instant settledAt) {
        static RefundView of(RefundRecord r) {
            return new RefundView(
                    r.id(),
                    r.paymentId().value(),
                    r.orderId().value(),
                    r.amount().value(),
                    r.reason(),
                    r.requestedBy(),
                    r.status().name(),
                    r.providerReference(),
                    r.failureDetail(),
                    r.requestedAt(),
                    r.settledAt());
        }
    }

    record RefundRequest(Long amountCop, String reason, String requestedBy) {}

    @GetMapping
    @Operation(summary = "Payments, newest first, by order, status and creation time ([from, to)); paginated")
    Page<PaymentView> search(
            @RequestParam(required = false) String orderId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageBounds.check(page, size);
        PaymentStatus wanted = null;
        if (status != null) {
            try {
                wanted = PaymentStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidPaymentException(
                        "unknown status " + status + "; one of " + java.util.Arrays.toString(PaymentStatus.values()));
            }
        }
        return payments.search(
                        new Payments.Query(orderId == null ? null : new OrderId(orderId), wanted, from, to, page, size))
                .map(PaymentView::of);
    }

    @GetMapping("/{paymentId}")
    @Operation(summary = "One payment with its ledger entries and receipt")
    PaymentDetail one(@PathVariable String paymentId) {
        var id = new PaymentId(paymentId);
        Payment payment = payments.find(id).orElseThrow(() -> new PaymentNotFoundException(id));
        return new PaymentDetail(
                PaymentView.of(payment),
                ledger.ofPayment(id).stream().map(LedgerView::of).toList(),
                receipts.of(id)
                        .map(r -> new ReceiptView(
                                r.number(), r.printedNumber(), r.body(), r.fiscalStatus(), r.issuedAt()))
                        .orElse(null));
    }

    @PostMapping("/{paymentId}/refunds")
    @Operation(summary = "Refund part or all of a card payment (e.g. a missing item); the provider is asked at once")
    ResponseEntity<RefundView> refund(@PathVariable String paymentId, @RequestBody RefundRequest request) {
        if (request == null || request.amountCop() == null) {
            throw new InvalidPaymentException("amountCop is required");
        }
        var refund = requesting.request(
                new PaymentId(paymentId),
                Cop.of(request.amountCop()),
                request.reason(),
                request.requestedBy() == null || request.requestedBy().isBlank() ? "ops" : request.requestedBy());
        return ResponseEntity.accepted()
                .location(URI.create("/api/payments/refunds/" + refund.id()))
                .body(RefundView.of(refund));
    }

    @GetMapping("/refunds")
    @Operation(summary = "Refunds, newest first, optionally of one payment; paginated")
    Page<RefundView> refunds(
            @RequestParam(required = false) String paymentId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageBounds.check(page, size);
        return refunds.search(paymentId == null ? null : new PaymentId(paymentId), page, size)
                .map(RefundView::of);
    }

    @GetMapping("/refunds/{refundId}")
    @Operation(summary = "One refund")
    ResponseEntity<RefundView> refund(@PathVariable String refundId) {
        return refunds.find(refundId)
                .map(RefundView::of)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @ExceptionHandler(InvalidPaymentException.class)
    ProblemDetail invalid(InvalidPaymentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "parameter " + e.getName() + " is malformed (times are ISO-8601 instants)");
    }

    @ExceptionHandler(PaymentNotFoundException.class)
    ProblemDetail notFound(PaymentNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
