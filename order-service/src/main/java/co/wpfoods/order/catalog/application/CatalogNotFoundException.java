package co.wpfoods.order.catalog.application;

/** The restaurant named in a request does not exist. */
public class CatalogNotFoundException extends RuntimeException {

    public CatalogNotFoundException(String message) {
        super(message);
    }
}
