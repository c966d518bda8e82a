package co.wpfoods.dispatch.worker.application;

import co.wpfoods.dispatch.worker.domain.Worker;

/** Publishes worker events; must join the caller's transaction (outbox). */
public interface WorkerEvents {

    void registered(Worker.Registered event);
}
