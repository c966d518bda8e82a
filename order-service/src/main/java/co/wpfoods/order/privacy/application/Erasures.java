package co.wpfoods.order.privacy.application;

import co.wpfoods.order.privacy.domain.Erasure;
import java.util.List;
import java.util.Optional;

/** Where the coordinator keeps erasures and their confirmations. */
public interface Erasures {

    void add(Erasure erasure);

    /** The erasure, locked for the caller's transaction (confirmations of one erasure are recorded one at a time). */
    Optional<Erasure> lock(String erasureId);

    Optional<Erasure> find(String erasureId);

    /** An erasure of this number that has not completed yet. */
    Optional<Erasure> running(String waId);

    /** Saves the number (forgotten or not), completion time and any new confirmation. */
    void save(Erasure erasure);

    /** Newest first. */
    List<Erasure> page(int page, int size);
}
