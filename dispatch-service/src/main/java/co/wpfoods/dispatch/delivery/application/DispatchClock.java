package co.wpfoods.dispatch.delivery.application;

import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The service's clock: a {@link Clock} bean when one is defined (tests), else UTC system time. */
@Component
public class DispatchClock {

    private final Clock clock;

    DispatchClock(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Instant now() {
        return clock.instant();
    }
}
