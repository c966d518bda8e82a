package co.wpfoods.dispatch.worker.application;

import co.wpfoods.dispatch.worker.domain.Worker;
import co.wpfoods.dispatch.worker.domain.WorkerId;
import co.wpfoods.schemas.wa.WaId;
import java.util.List;
import java.util.Optional;

/** Where rapitenderos are kept. */
public interface Workers {

    void add(Worker worker);

    Optional<Worker> find(WorkerId id);

    Optional<Worker> byNumber(WaId waId);

    List<Worker> all();

    /** Oldest first, {@code size} at a time. */
    List<Worker> page(int page, int size);
}
