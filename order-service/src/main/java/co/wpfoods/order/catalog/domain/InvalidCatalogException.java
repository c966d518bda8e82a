package co.wpfoods.order.catalog.domain;

/** A restaurant or menu that breaks a catalog rule; the message says which one, for the caller to fix. */
public class InvalidCatalogException extends RuntimeException {

    public InvalidCatalogException(String message) {
        super(message);
    }
}
