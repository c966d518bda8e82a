package co.wpfoods.order.ordering.domain;

import co.wpfoods.order.catalog.domain.Cop;
import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.catalog.domain.Restaurant;
import co.wpfoods.order.catalog.domain.RestaurantId;
import co.wpfoods.order.catalog.domain.StoreSettings;
import co.wpfoods.schemas.wa.WaId;
import java.time.Instant;
import java.util.List;

/** Orders for tests, named after what they are. */
public final class OrderMother {

    public static final Instant NOON = Instant.parse("2026-12-07T17:00:00Z");

    private OrderMother() {}

    public static Restaurant laFonda() {
        return new Restaurant(
                new RestaurantId("r-fonda"),
                "La Fonda Paisa",
                List.of(new WaId("573105550101")),
                "Calle 60 # 9-32",
                new GeoLocation(4.6486, -74.0636),
                "Chapinero",
                StoreSettings.DEFAULTS);
    }

    public static OrderLine twoBandejas() {
        return new OrderLine(
                "fp-bandeja",
                "Bandeja paisa",
                2,
                Cop.of(32_900),
                List.of(new OrderLine.ChosenModifier("m-huevo", "Huevo extra", 2_500)),
                null);
    }

    public static Order.Draft cashDraft() {
        return new Order.Draft(
                new Customer("573001112233", "573001112233", null, "Laura Martínez"),
                laFonda(),
                List.of(twoBandejas()),
                PaymentMethod.CASH,
                Cop.of(100_000),
                new DeliveryAddress("Calle 63 # 10-20", new GeoLocation(4.6500, -74.0620)),
                "sin cubiertos");
    }

    public static Order pendingCashOrder() {
        return Order.place(cashDraft(), new OrderId("o-1"), new OrderReference("1042"), "4821", NOON)
                .order();
    }

    public static Order awaitingCardPayment() {
        var draft = cashDraft();
        var card = new Order.Draft(
                draft.customer(), draft.restaurant(), draft.lines(), PaymentMethod.CARD, null, draft.address(), null);
        return Order.place(card, new OrderId("o-2"), new OrderReference("1043"), "1234", NOON)
                .order();
    }
}
