package co.wpfoods.webhook.roles.adapter.in.kafka;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.dispatch.WorkerOffline;
import co.wpfoods.schemas.dispatch.WorkerOnline;
import co.wpfoods.schemas.dispatch.WorkerRegistered;
import co.wpfoods.schemas.restaurants.MenuPublished;
import co.wpfoods.schemas.restaurants.RestaurantRegistered;
import co.wpfoods.webhook.roles.application.KeepingRoleDirectory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps the role directory from restaurant and worker events, once per event (inbox). Menus share the restaurant
 * topic and are passed over; any other type goes to the dead-letter topic.
 */
public class RoleDirectoryListener {

    static final String CONSUMER = "webhook-service.role-directory";

    private final Inbox inbox;
    private final KeepingRoleDirectory keeping;

    public RoleDirectoryListener(Inbox inbox, KeepingRoleDirectory keeping) {
        this.inbox = inbox;
        this.keeping = keeping;
    }

    @KafkaListener(
            id = "role-directory",
            topics = {Topics.Orders.RESTAURANT, Topics.Dispatch.WORKER})
    public void on(ConsumerRecord<String, SpecificRecord> record) {
        SpecificRecord value = record.value();
        if (value == null) {
            throw new UnhandledEventException(CONSUMER, null);
        }
        inbox.processOnce(CONSUMER, Inbox.eventIdOf(record), () -> apply(value));
    }

    void apply(SpecificRecord value) {
        switch (value) {
            case RestaurantRegistered restaurant ->
                keeping.restaurantStaffed(restaurant.getRestaurantId(), restaurant.getStaffWaIds());
            case WorkerRegistered worker ->
                keeping.workerRegistered(worker.getWorkerId(), worker.getWaId(), worker.getActive());
            case MenuPublished menu -> {
                // shares the restaurant topic; says nothing about numbers
            }
            case WorkerOnline online -> {
                // availability shares the worker topic; a worker's number routes the same online or not
            }
            case WorkerOffline offline -> {}
            default -> throw new UnhandledEventException(CONSUMER, value);
        }
    }
}
