package co.wpfoods.ai.recommendation.adapter.in.kafka;

import co.wpfoods.ai.recommendation.application.PopularityBoard;
import co.wpfoods.ai.recommendation.domain.Geohash;
import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.orders.OrderCancelled;
import co.wpfoods.schemas.orders.OrderConfirmed;
import co.wpfoods.schemas.orders.OrderDelivered;
import co.wpfoods.schemas.orders.OrderPickedUp;
import co.wpfoods.schemas.orders.OrderPlaced;
import co.wpfoods.schemas.orders.OrderPreparing;
import co.wpfoods.schemas.orders.OrderReady;
import java.time.ZoneId;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What is popular where and when, for recommendations: every {@code OrderPlaced} counts its items in the delivery
 * point's zone (geohash, 5 characters) at the hour it was placed (Bogotá). The board is in memory; a fresh consumer
 * group on every start re-reads the retained topic, so the board is rebuilt from the log (its window is the topic's
 * retention).
 */
@Component
@ConditionalOnProperty(name = "wpfoods.ai.kafka.enabled", havingValue = "true", matchIfMissing = true)
class OrderEventsListener {

    static final String CONSUMER = "ai-service.popularity";
    static final int ZONE_PRECISION = 5;
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private final PopularityBoard board;

    OrderEventsListener(PopularityBoard board) {
        this.board = board;
    }

    @KafkaListener(
            topics = Topics.Orders.ORDER,
            groupId = "ai-service.popularity.${random.uuid}",
            properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, SpecificRecord> record) {
        switch (record.value()) {
            case OrderPlaced p -> {
                if (p.getDeliveryPoint() == null) {
                    return;
                }
                String zone = Geohash.encode(
                        p.getDeliveryPoint().getLatitude(), p.getDeliveryPoint().getLongitude(), ZONE_PRECISION);
                int hour = p.getOccurredAt().atZone(BOGOTA).getHour();
                p.getLines().forEach(l -> board.record(zone, hour, l.getItemId(), l.getQuantity()));
            }
            case OrderConfirmed c -> {}
            case OrderPreparing c -> {}
            case OrderReady c -> {}
            case OrderPickedUp c -> {}
            case OrderDelivered c -> {}
            case OrderCancelled c -> {}
            case null, default -> throw new UnhandledEventException(CONSUMER, record.value());
        }
    }
}
