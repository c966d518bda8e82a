package co.wpfoods.order.catalog;

/** Request bodies for the catalog API, named after the restaurants they describe. */
final class RestaurantMother {

    private RestaurantMother() {}

    static String laFondaPaisa(String... staffNumbers) {
        return """
                {"name": "La Fonda Paisa",
                 "staffWaIds": [%s],
                 "address": "Calle 60 # 9-32, Bogotá",
                 "location": {"latitude": 4.6486, "longitude": -74.0636},
                 "zone": "Chapinero"}
                """.formatted(String.join(
                ",",
                java.util.Arrays.stream(staffNumbers).map(n -> "\"" + n + "\"").toList()));
    }

    static String fondaMenu(long bandejaPrice) {
        return fondaMenu(Long.toString(bandejaPrice));
    }

    static String fondaMenu(String bandejaPrice) {
        return """
                {"open": true, "items": [
                  {"itemId": "bandeja", "name": "Bandeja paisa", "category": "Platos fuertes", "priceCop": %s,
                   "modifiers": [{"modifierId": "sin-chicharron", "name": "Sin chicharrón"},
                                 {"modifierId": "huevo", "name": "Huevo extra", "priceCop": 2500}]},
                  {"itemId": "ajiaco", "name": "Ajiaco santafereño", "category": "Sopas", "priceCop": 22000, "available": false}
                ]}
                """.formatted(bandejaPrice);
    }

    static String menuWithTwiceTheSameItem() {
        return """
                {"items": [
                  {"itemId": "bandeja", "name": "Bandeja paisa", "priceCop": 18900},
                  {"itemId": "bandeja", "name": "Bandeja paisa grande", "priceCop": 24900}
                ]}
                """;
    }
}
