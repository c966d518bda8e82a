package co.wpfoods.webhook;

import static co.wpfoods.webhook.WebhookFixtures.messagesEnvelope;
import static co.wpfoods.webhook.WebhookFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.dispatch.WorkerOffline;
import co.wpfoods.schemas.dispatch.WorkerOnline;
import co.wpfoods.schemas.dispatch.WorkerRegistered;
import co.wpfoods.schemas.restaurants.RestaurantRegistered;
import co.wpfoods.schemas.serde.AvroSerializer;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.Role;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.testing.KafkaServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class RoleRoutingIT extends WebhookServiceSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LookupHash lookupHash;

    @Test
    void routes_restaurant_staff_and_workers_to_their_topics_once_registered_and_everyone_else_to_customers() {
        String staff = uniqueNumber();
        String worker = uniqueNumber();
        String stranger = uniqueNumber();
        String restaurantId = unique("rest-");
        publish(
                Topics.Orders.RESTAURANT,
                restaurantId,
                restaurant(restaurantId, List.of("+" + staff)),
                UUID.randomUUID());
        publish(Topics.Dispatch.WORKER, "w-" + worker, worker("w-" + worker, worker, true), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> roleOf(staff) != null && roleOf(worker) != null);

        String tag = unique("ROLE");
        post(messagesEnvelope(staff, List.of(text("wamid." + tag + "_R", staff, "listo el pedido"))));
        post(messagesEnvelope(worker, List.of(text("wamid." + tag + "_W", worker, "en camino"))));
        post(messagesEnvelope(stranger, List.of(text("wamid." + tag + "_C", stranger, "hola"))));

        try (var consumer = consumer(
                Topics.WhatsApp.INBOUND_CUSTOMER, Topics.WhatsApp.INBOUND_RESTAURANT, Topics.WhatsApp.INBOUND_WORKER)) {
            var records = await().atMost(Duration.ofSeconds(20))
                    .until(() -> matching(consumer.poll(), tag), list -> list.size() >= 3);
            assertThat(records)
                    .extracting(r -> r.topic() + " " + ((InboundMessage) decode(r)).getRole())
                    .containsExactlyInAnyOrder(
                            Topics.WhatsApp.INBOUND_RESTAURANT + " " + Role.RESTAURANT,
                            Topics.WhatsApp.INBOUND_WORKER + " " + Role.WORKER,
                            Topics.WhatsApp.INBOUND_CUSTOMER + " " + Role.CUSTOMER);
        }
    }

    @Test
    void applies_each_registration_event_once_and_follows_staff_changes() {
        String first = uniqueNumber();
        String second = uniqueNumber();
        String restaurantId = unique("rest-");
        UUID firstEvent = UUID.randomUUID();
        publish(Topics.Orders.RESTAURANT, restaurantId, restaurant(restaurantId, List.of(first)), firstEvent);
        await().atMost(Duration.ofSeconds(30)).until(() -> roleOf(first) != null);

        publish(Topics.Orders.RESTAURANT, restaurantId, restaurant(restaurantId, List.of(second)), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> roleOf(second) != null && roleOf(first) == null);
        // a redelivery of the first event must not bring the old staff number back
        publish(Topics.Orders.RESTAURANT, restaurantId, restaurant(restaurantId, List.of(first)), firstEvent);
        String marker = uniqueNumber();
        String markerRestaurant = unique("rest-");
        publish(
                Topics.Orders.RESTAURANT,
                markerRestaurant,
                restaurant(markerRestaurant, List.of(marker)),
                UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> roleOf(marker) != null);

        assertThat(roleOf(first)).isNull();
        assertThat(roleOf(second)).isEqualTo("RESTAURANT");
    }

    @Test
    void a_worker_who_leaves_is_routed_as_a_customer_again() {
        String number = uniqueNumber();
        String workerId = unique("w-");
        publish(Topics.Dispatch.WORKER, workerId, worker(workerId, number, true), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> "WORKER".equals(roleOf(number)));

        publish(Topics.Dispatch.WORKER, workerId, worker(workerId, number, false), UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).until(() -> roleOf(number) == null);
    }

    @Test
    void a_worker_going_online_and_offline_keeps_the_worker_route_and_the_partition_moving() {
        String number = uniqueNumber();
        String workerId = unique("w-");
        publish(Topics.Dispatch.WORKER, workerId, worker(workerId, number, true), UUID.randomUUID());
        publish(
                Topics.Dispatch.WORKER,
                workerId,
                WorkerOnline.newBuilder()
                        .setWorkerId(workerId)
                        .setOccurredAt(Instant.now())
                        .build(),
                UUID.randomUUID());
        publish(
                Topics.Dispatch.WORKER,
                workerId,
                WorkerOffline.newBuilder()
                        .setWorkerId(workerId)
                        .setOccurredAt(Instant.now())
                        .build(),
                UUID.randomUUID());
        String later = uniqueNumber();
        String laterId = unique("w-");
        publish(Topics.Dispatch.WORKER, workerId, worker(laterId, later, true), UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).until(() -> "WORKER".equals(roleOf(later)));
        assertThat(roleOf(number)).isEqualTo("WORKER");
    }

    String roleOf(String waId) {
        return jdbc
                .sql("SELECT role FROM role_assignment WHERE wa_id_hash = ? ORDER BY role LIMIT 1")
                .param(lookupHash.hash(waId))
                .query(String.class)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
    }

    static RestaurantRegistered restaurant(String id, List<String> staff) {
        return RestaurantRegistered.newBuilder()
                .setRestaurantId(id)
                .setName("Pizzería Napoli")
                .setStaffWaIds(staff)
                .setOccurredAt(Instant.now())
                .build();
    }

    static WorkerRegistered worker(String id, String waId, boolean active) {
        return WorkerRegistered.newBuilder()
                .setWorkerId(id)
                .setName("Rapitendero")
                .setWaId(waId)
                .setActive(active)
                .setOccurredAt(Instant.now())
                .build();
    }

    /** Where the service's consumer group has committed on the partition of {@code record}. */
    static long committedOffset(RecordMetadata record) {
        try (var admin = AdminClient.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaServer.shared().bootstrapServers()))) {
            var partition = new TopicPartition(record.topic(), record.partition());
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("webhook-service")
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(partition);
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RecordMetadata publish(String topic, String key, SpecificRecord value, UUID eventId) {
        try (var producer = new KafkaProducer<String, SpecificRecord>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KafkaServer.shared().bootstrapServers()),
                new StringSerializer(),
                new AvroSerializer())) {
            var record = new ProducerRecord<>(topic, key, value);
            record.headers().add(Headers.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(Headers.EVENT_TYPE, value.getSchema().getName().getBytes(StandardCharsets.UTF_8));
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
