package co.wpfoods.payment.payment;

import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.orders.CancellationReason;
import co.wpfoods.schemas.orders.CancelledBy;
import co.wpfoods.schemas.orders.OrderCancelled;
import co.wpfoods.schemas.orders.OrderDelivered;
import co.wpfoods.schemas.orders.OrderLine;
import co.wpfoods.schemas.orders.OrderPlaced;
import co.wpfoods.schemas.orders.PaymentMethod;
import co.wpfoods.schemas.wa.WaUser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/** Order events as order-service publishes them (Mother for {@code orders.order.v1}). */
final class OrderEvents {

    private OrderEvents() {}

    static OrderPlaced placed(PaymentMethod method, long totalCop, String restaurantId, String waId) {
        long fee = 5_000;
        return OrderPlaced.newBuilder()
                .setOrderId("ord-" + UUID.randomUUID())
                .setReference(String.valueOf(1000 + (int) (Math.random() * 9000)))
                .setCustomer(WaUser.newBuilder().setWaId(waId).build())
                .setRestaurantId(restaurantId)
                .setRestaurantName("Pizzería Napoli")
                .setLines(List.of(OrderLine.newBuilder()
                        .setItemId("item-margarita")
                        .setName("Pizza Margarita L")
                        .setQuantity(1)
                        .setUnitPriceCop(totalCop - fee)
                        .build()))
                .setSubtotalCop(totalCop - fee)
                .setDeliveryFeeCop(fee)
                .setTotalCop(totalCop)
                .setPaymentMethod(method)
                .setAwaitingPayment(method == PaymentMethod.CARD)
                .setCashChangeForCop(method == PaymentMethod.CASH ? 50_000L : null)
                .setOccurredAt(Instant.now())
                .build();
    }

    static OrderCancelled cancelled(String orderId, String restaurantId) {
        return OrderCancelled.newBuilder()
                .setOrderId(orderId)
                .setRestaurantId(restaurantId)
                .setReason(CancellationReason.CUSTOMER_REQUEST)
                .setCancelledBy(CancelledBy.CUSTOMER)
                .setPreviousStatus("PENDING")
                .setOccurredAt(Instant.now())
                .build();
    }

    static OrderDelivered delivered(String orderId, String restaurantId) {
        return OrderDelivered.newBuilder()
                .setOrderId(orderId)
                .setRestaurantId(restaurantId)
                .setOccurredAt(Instant.now())
                .build();
    }

    static void publish(KafkaTemplate<String, SpecificRecord> kafka, String orderId, SpecificRecord event)
            throws Exception {
        var record = new ProducerRecord<String, SpecificRecord>(Topics.Orders.ORDER, orderId, event);
        record.headers().add(Headers.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
    }
}
