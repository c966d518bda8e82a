package co.wpfoods.dispatch.worker.application;

import co.wpfoods.dispatch.worker.domain.Worker;

/** The number already belongs to a registered worker. */
public class NumberTakenException extends RuntimeException {

    public NumberTakenException(Worker existing) {
        super("WhatsApp number " + existing.waId().value() + " is already worker "
                + existing.id().value());
    }
}
