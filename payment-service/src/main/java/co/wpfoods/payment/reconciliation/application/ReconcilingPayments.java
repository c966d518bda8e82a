package co.wpfoods.payment.reconciliation.application;

import co.wpfoods.payment.payment.application.CardProvider;
import co.wpfoods.payment.payment.application.Payments;
import co.wpfoods.payment.payment.domain.Payment;
import co.wpfoods.payment.payment.domain.PaymentId;
import co.wpfoods.payment.reconciliation.domain.ReconciliationReport;
import co.wpfoods.payment.reconciliation.domain.ReconciliationReport.Difference;
import co.wpfoods.payment.reconciliation.domain.ReconciliationReport.Kind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares our card payments of a period with the provider's checkout sessions and stores the differences. The last
 * report's differences are gauges ({@code wpfoods.payments.reconciliation.differences}, tag {@code kind}); ops read
 * the reports through REST.
 */
@Service
public class ReconcilingPayments {

    private static final Logger log = LoggerFactory.getLogger(ReconcilingPayments.class);
    /** The provider's sessions are created a moment after our payments: look a little past the period's end. */
    private static final Duration PROVIDER_SLACK = Duration.ofHours(1);

    private final Payments payments;
    private final CardProvider cards;
    private final ReconciliationReports reports;
    private final Settings settings;
    private final Clock clock;
    private final Map<Kind, AtomicInteger> lastDifferences = new EnumMap<>(Kind.class);

    /** {@code window}: the period each scheduled run covers; {@code grace}: how recent a payment may be to count. */
    public record Settings(Duration window, Duration grace) {}

    public ReconcilingPayments(
            Payments payments,
            CardProvider cards,
            ReconciliationReports reports,
            Settings settings,
            MeterRegistry meters,
            ObjectProvider<Clock> clock) {
        this.payments = payments;
        this.cards = cards;
        this.reports = reports;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        for (Kind kind : Kind.values()) {
            var value = new AtomicInteger();
            lastDifferences.put(kind, value);
            Gauge.builder("wpfoods.payments.reconciliation.differences", value, AtomicInteger::get)
                    .tag("kind", kind.name())
                    .description("differences found by the last reconciliation run")
                    .register(meters);
        }
    }

    /** The scheduled run: the window that ends {@code grace} ago (webhooks of the last minutes may still arrive). */
    public ReconciliationReport reconcileLastWindow() {
        Instant to = clock.instant().minus(settings.grace());
        return reconcile(to.minus(settings.window()), to);
    }

    @Transactional
    public ReconciliationReport reconcile(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a reconciliation period must end after it starts");
        }
        List<Payment> ours = payments.createdBetween(cards.name(), from, to);
        List<CardProvider.ProviderPayment> theirs = cards.payments(from, to.plus(PROVIDER_SLACK));
        Map<String, CardProvider.ProviderPayment> bySession = new HashMap<>();
        Map<String, CardProvider.ProviderPayment> byPayment = new HashMap<>();
        for (var p : theirs) {
            bySession.put(p.sessionId(), p);
            if (p.paymentId() != null) {
                byPayment.put(p.paymentId(), p);
            }
        }
        var differences = new ArrayList<Difference>();
        Set<String> matched = new HashSet<>();
        for (Payment payment : ours) {
            var provider = payment.checkout() != null
                    ? bySession.get(payment.checkout().sessionId())
                    : null;
            if (provider == null) {
                provider = byPayment.get(payment.id().value());
            }
            if (provider != null) {
                matched.add(provider.sessionId());
            }
            compare(payment, provider).ifPresent(differences::add);
        }
        for (var provider : theirs) {
            if (matched.contains(provider.sessionId()) || !provider.paid()) {
                continue;
            }
            // a paid session of a payment outside the period is that period's business
            var payment = provider.paymentId() == null
                    ? java.util.Optional.<Payment>empty()
                    : payments.find(new PaymentId(provider.paymentId()));
            if (payment.isPresent() && payment.get().status().captured()) {
                continue;
            }
            differences.add(new Difference(
                    Kind.PAID_NOT_RECORDED,
                    provider.paymentId(),
                    payment.map(p -> p.order().orderId().value()).orElse(null),
                    provider.sessionId(),
                    null,
                    provider.amount().value(),
                    payment.isPresent() ? "our payment is " + payment.get().status() : "no payment of ours"));
        }
        var report = new ReconciliationReport(
                "rec-" + UUID.randomUUID(),
                cards.name(),
                from,
                to,
                ours.size(),
                differences.size(),
                differences,
                clock.instant());
        reports.add(report);
        lastDifferences.forEach((kind, value) -> value.set(
                (int) differences.stream().filter(d -> d.kind() == kind).count()));
        if (!differences.isEmpty()) {
            log.warn("Reconciliation {} of {} to {}: {} difference(s)", report.id(), from, to, differences.size());
        }
        return report;
    }

    private static java.util.Optional<Difference> compare(Payment payment, CardProvider.ProviderPayment provider) {
        String paymentId = payment.id().value();
        String orderId = payment.order().orderId().value();
        boolean oursPaid = payment.status().captured();
        if (provider == null) {
            return oursPaid
                    ? java.util.Optional.of(new Difference(
                            Kind.RECORDED_NOT_PAID,
                            paymentId,
                            orderId,
                            null,
                            payment.captured().value(),
                            null,
                            "the provider has no session for this payment"))
                    : java.util.Optional.empty();
        }
        if (provider.paid() && !oursPaid) {
            return java.util.Optional.of(new Difference(
                    Kind.PAID_NOT_RECORDED,
                    paymentId,
                    orderId,
                    provider.sessionId(),
                    payment.captured().value(),
                    provider.amount().value(),
                    "our payment is " + payment.status()));
        }
        if (!provider.paid() && oursPaid) {
            return java.util.Optional.of(new Difference(
                    Kind.RECORDED_NOT_PAID,
                    paymentId,
                    orderId,
                    provider.sessionId(),
                    payment.captured().value(),
                    provider.amount().value(),
                    "the provider's session is not paid"));
        }
        if (oursPaid && !provider.amount().equals(payment.captured())) {
            return java.util.Optional.of(new Difference(
                    Kind.AMOUNT_MISMATCH,
                    paymentId,
                    orderId,
                    provider.sessionId(),
                    payment.captured().value(),
                    provider.amount().value(),
                    "amounts differ"));
        }
        if (oursPaid && provider.refunded() != null && !provider.refunded().equals(payment.refunded())) {
            return java.util.Optional.of(new Difference(
                    Kind.REFUND_MISMATCH,
                    paymentId,
                    orderId,
                    provider.sessionId(),
                    payment.refunded().value(),
                    provider.refunded().value(),
                    "refunded amounts differ"));
        }
        return java.util.Optional.empty();
    }
}
