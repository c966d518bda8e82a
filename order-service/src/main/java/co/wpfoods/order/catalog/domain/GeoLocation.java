package co.wpfoods.order.catalog.domain;

/** WGS84 coordinates in decimal degrees. */
public record GeoLocation(double latitude, double longitude) {

    public GeoLocation {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new InvalidCatalogException("a location needs latitude -90..90 and longitude -180..180");
        }
    }
}
