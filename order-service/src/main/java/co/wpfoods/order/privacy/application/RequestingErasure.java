package co.wpfoods.order.privacy.application;

import co.wpfoods.order.privacy.domain.Erasure;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts an erasure (by chat after the person confirmed with a button, or by ops): the erasure is stored and
 * {@code ErasureRequested} published, in one transaction. One erasure of a number runs at a time; a person with an
 * order under way is asked to wait until it is delivered or cancelled (the restaurant, the rapitendero and the
 * payment still need the address and number).
 */
@Service
public class RequestingErasure {

    public sealed interface Outcome {}

    public record Started(Erasure erasure) implements Outcome {}

    public record AlreadyRunning(Erasure erasure) implements Outcome {}

    public record OrderInProgress(String reference) implements Outcome {}

    private final Erasures erasures;
    private final CustomerRecords records;
    private final ErasureEvents events;
    private final PrivacySettings settings;
    private final Clock clock;

    public RequestingErasure(
            Erasures erasures, CustomerRecords records, ErasureEvents events, PrivacySettings settings, Clock clock) {
        this.erasures = erasures;
        this.records = records;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public Outcome request(String waId, Erasure.RequestedBy by, String subject, String language) {
        var running = erasures.running(waId);
        if (running.isPresent()) {
            return new AlreadyRunning(running.get());
        }
        var inProgress = records.orderInProgress(waId);
        if (inProgress.isPresent()) {
            return new OrderInProgress(inProgress.get());
        }
        var erasure = Erasure.start(waId, by, subject, language, clock.instant(), settings.erasureServices());
        erasures.add(erasure);
        events.requested(erasure, records.ordersOf(waId));
        return new Started(erasure);
    }
}
