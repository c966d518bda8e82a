package co.wpfoods.webhook.adapter.in.kafka;

import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.dispatch.WorkerOffline;
import co.wpfoods.schemas.dispatch.WorkerOnline;
import co.wpfoods.schemas.dispatch.WorkerRegistered;
import co.wpfoods.schemas.restaurants.MenuPublished;
import co.wpfoods.schemas.restaurants.RestaurantRegistered;
import co.wpfoods.schemas.wa.Role;
import co.wpfoods.webhook.adapter.out.db.JdbcRoleDirectory;
import java.util.LinkedHashSet;
import java.util.Set;
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
    private final JdbcRoleDirectory directory;

    public RoleDirectoryListener(Inbox inbox, JdbcRoleDirectory directory) {
        this.inbox = inbox;
        this.directory = directory;
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
                directory.replace(
                        "restaurant:" + restaurant.getRestaurantId(),
                        Role.RESTAURANT,
                        numbers(restaurant.getStaffWaIds()));
            case WorkerRegistered worker ->
                directory.replace(
                        "worker:" + worker.getWorkerId(),
                        Role.WORKER,
                        worker.getActive() ? numbers(java.util.List.of(worker.getWaId())) : Set.of());
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

    private static Set<String> numbers(java.util.List<String> raw) {
        Set<String> numbers = new LinkedHashSet<>();
        for (String number : raw) {
            String digits = number == null ? "" : number.strip();
            if (digits.startsWith("+")) {
                digits = digits.substring(1);
            }
            if (!digits.isEmpty()) {
                numbers.add(digits);
            }
        }
        return numbers;
    }
}
