package co.wpfoods.order.catalog.application;

import co.wpfoods.order.catalog.domain.CatalogEvent;

/** Publishes catalog events; must join the caller's transaction (outbox). */
public interface CatalogEvents {

    void publish(CatalogEvent event);
}
