package co.wpfoods.dispatch.delivery.application;

import co.wpfoods.dispatch.delivery.domain.Offer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Port: Offers of orders to workers and their answers. Implemented by the database adapter; every method joins the caller's transaction. */
public interface OfferBook {

    void addOffer(Offer offer);

    Optional<Offer> lockOffer(String offerId);

    Optional<Offer> pendingOfferOf(String workerId);

    Optional<Offer> pendingOfferFor(String orderId);

    void answer(String offerId, Offer.Answer answer, Instant now);

    /** Per pooled order, the workers who already had it (declined or let it expire). */
    Map<String, Set<String>> offeredBefore(List<String> orderIds);
}
