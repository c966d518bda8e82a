package co.wpfoods.dispatch.delivery;

import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.common.GeoPoint;
import co.wpfoods.schemas.orders.OrderCancelled;
import co.wpfoods.schemas.orders.OrderConfirmed;
import co.wpfoods.schemas.orders.OrderPlaced;
import co.wpfoods.schemas.orders.OrderReady;
import co.wpfoods.schemas.orders.PaymentMethod;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.InboundMessageType;
import co.wpfoods.schemas.wa.LocationContent;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.ReplyContent;
import co.wpfoods.schemas.wa.ReplyKind;
import co.wpfoods.schemas.wa.Role;
import co.wpfoods.schemas.wa.WaUser;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import co.wpfoods.testing.fixtures.InboundMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Drives the real topics as webhook-service and order-service would, and reads what dispatch-service answers. */
final class Chat implements AutoCloseable {

    static final AtomicLong SEQUENCE = new AtomicLong();

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            java.util.Map.of("bootstrap.servers", KafkaServer.shared().bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());
    private final KafkaTestConsumer outbound =
            new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), Topics.WhatsApp.OUTBOUND);
    private final KafkaTestConsumer deliveries = new KafkaTestConsumer(
            KafkaServer.shared().bootstrapServers(), Topics.Dispatch.DELIVERY, Topics.Dispatch.WORKER);

    // ---- the worker's side

    void tap(String waId, String replyId) {
        var message = base(waId, InboundMessageType.INTERACTIVE, "interactive")
                .setReply(ReplyContent.newBuilder()
                        .setKind(ReplyKind.BUTTON_REPLY)
                        .setId(replyId)
                        .setTitle(replyId)
                        .build())
                .build();
        send(Topics.WhatsApp.INBOUND_WORKER, waId, message);
    }

    void text(String waId, String body) {
        send(Topics.WhatsApp.INBOUND_WORKER, waId, InboundMessages.text(waId, body, Role.WORKER));
    }

    void location(String waId, double latitude, double longitude) {
        var message = base(waId, InboundMessageType.LOCATION, "location")
                .setLocation(LocationContent.newBuilder()
                        .setLatitude(latitude)
                        .setLongitude(longitude)
                        .build())
                .build();
        send(Topics.WhatsApp.INBOUND_WORKER, waId, message);
    }

    /** Confirms the registration, taps Conectarme and shares the location; waits until the worker is online. */
    void goOnline(String waId, String language, double latitude, double longitude) {
        boolean spanish = "es".equals(language);
        tap(waId, "welcome:confirm");
        tap(waId, "worker:online");
        awaitReply(waId, spanish ? "necesito tu ubicación" : "I need your current location");
        location(waId, latitude, longitude);
        awaitReply(waId, spanish ? "Estás conectado" : "You are online");
    }

    /** Taps Accept on the worker's latest offer and waits for the reply containing the text. */
    void acceptOffer(String waId, String reply) {
        tap(waId, lastButton(waId, "offer:"));
        awaitReply(waId, reply);
    }

    /** How many messages the worker received containing the text. */
    long count(String waId, String contains) {
        return received(waId).stream().filter(line -> line.contains(contains)).count();
    }

    /** What the worker received, in order, as one line each (text, interactive body + buttons, location). */
    List<String> received(String waId) {
        return outbound.poll().stream()
                .filter(r -> waId.equals(r.key()))
                .map(r -> (OutboundCommand) AvroSerde.standard().decode(r.value()))
                .map(Chat::readable)
                .toList();
    }

    List<OutboundCommand> commands(String waId) {
        return outbound.poll().stream()
                .filter(r -> waId.equals(r.key()))
                .map(r -> (OutboundCommand) AvroSerde.standard().decode(r.value()))
                .toList();
    }

    /** Waits until the worker received a message containing the text; returns every message so far. */
    List<String> awaitReply(String waId, String contains) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> received(waId).stream().anyMatch(line -> line.contains(contains)));
        return received(waId);
    }

    /** The reply id of the last button or row whose id starts with the prefix. */
    String lastButton(String waId, String prefix) {
        List<OutboundCommand> commands = commands(waId);
        for (int i = commands.size() - 1; i >= 0; i--) {
            var interactive = commands.get(i).getInteractive();
            if (interactive != null) {
                for (var button : interactive.getButtons()) {
                    if (button.getId().startsWith(prefix)) {
                        return button.getId();
                    }
                }
            }
        }
        throw new AssertionError("no button starting with " + prefix + " in " + received(waId));
    }

    // ---- dispatch's events

    List<String> eventTypes(String key) {
        return deliveries.poll().stream()
                .filter(r -> key.equals(r.key()))
                .map(r -> KafkaTestConsumer.header(r, Headers.EVENT_TYPE))
                .toList();
    }

    List<SpecificRecord> events(String key) {
        return deliveries.poll().stream()
                .filter(r -> key.equals(r.key()))
                .map(ConsumerRecord::value)
                .map(v -> (SpecificRecord) AvroSerde.standard().decode(v))
                .toList();
    }

    void awaitEvent(String key, String type) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> eventTypes(key).contains(type));
    }

    // ---- order-service's side

    void placeAndConfirm(String orderId, String zone, double latitude, double longitude, String pin, Long cashChange) {
        placeAndConfirm(
                orderId,
                zone,
                latitude,
                longitude,
                pin,
                cashChange == null ? PaymentMethod.CARD : PaymentMethod.CASH,
                cashChange);
    }

    /** A cash order whose customer did not say which bill they pay with. */
    void placeAndConfirmCash(String orderId, String zone, double latitude, double longitude, String pin) {
        placeAndConfirm(orderId, zone, latitude, longitude, pin, PaymentMethod.CASH, null);
    }

    private void placeAndConfirm(
            String orderId,
            String zone,
            double latitude,
            double longitude,
            String pin,
            PaymentMethod method,
            Long cashChange) {
        Instant now = Instant.now();
        var placed = OrderPlaced.newBuilder()
                .setOrderId(orderId)
                .setReference(String.valueOf(1000 + SEQUENCE.incrementAndGet()))
                .setCustomer(WaUser.newBuilder()
                        .setWaId("573009990" + (100 + SEQUENCE.incrementAndGet()))
                        .setProfileName("Laura Méndez")
                        .build())
                .setRestaurantId("r-brasa")
                .setLines(List.of())
                .setSubtotalCop(30_000)
                .setDeliveryFeeCop(5_000)
                .setTotalCop(35_000)
                .setPaymentMethod(method)
                .setDeliveryAddress("Calle 85 # 11-20, apto 302")
                .setDeliveryPoint(new GeoPoint(latitude + 0.02, longitude))
                .setRestaurantName("La Brasa Rola")
                .setPickupAddress("Carrera 13 # 82-10")
                .setPickupPoint(new GeoPoint(latitude, longitude))
                .setZone(zone)
                .setCashChangeForCop(cashChange)
                .setDeliveryPin(pin)
                .setOccurredAt(now)
                .build();
        send(Topics.Orders.ORDER, orderId, placed);
        send(
                Topics.Orders.ORDER,
                orderId,
                OrderConfirmed.newBuilder()
                        .setOrderId(orderId)
                        .setRestaurantId("r-brasa")
                        .setPreparationMinutes(15)
                        .setEstimatedReadyAt(now.plusSeconds(600))
                        .setOccurredAt(now)
                        .build());
    }

    void ready(String orderId) {
        send(
                Topics.Orders.ORDER,
                orderId,
                OrderReady.newBuilder()
                        .setOrderId(orderId)
                        .setRestaurantId("r-brasa")
                        .setOccurredAt(Instant.now())
                        .build());
    }

    void cancel(String orderId) {
        send(
                Topics.Orders.ORDER,
                orderId,
                OrderCancelled.newBuilder()
                        .setOrderId(orderId)
                        .setRestaurantId("r-brasa")
                        .setReason(co.wpfoods.schemas.orders.CancellationReason.CUSTOMER_REQUEST)
                        .setOccurredAt(Instant.now())
                        .build());
    }

    /** Sends the same bytes and event id twice, as a redelivery would. */
    void sendTwice(String topic, String key, SpecificRecord value) {
        String eventId = UUID.randomUUID().toString();
        send(topic, key, value, eventId);
        send(topic, key, value, eventId);
    }

    void send(String topic, String key, SpecificRecord value) {
        send(topic, key, value, UUID.randomUUID().toString());
    }

    private void send(String topic, String key, SpecificRecord value, String eventId) {
        var record = new ProducerRecord<String, byte[]>(
                topic, key, AvroSerde.standard().encode(value));
        record.headers().add(Headers.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.EVENT_TYPE, value.getSchema().getName().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static InboundMessage.Builder base(String waId, InboundMessageType type, String metaType) {
        Instant now = Instant.now();
        String wamid = "wamid.DISPATCH" + SEQUENCE.incrementAndGet();
        return InboundMessage.newBuilder()
                .setMessageId(wamid)
                .setType(type)
                .setMetaType(metaType)
                .setFrom(WaUser.newBuilder().setWaId(waId).build())
                .setRole(Role.WORKER)
                .setPhoneNumberId(InboundMessages.BUSINESS_PHONE_NUMBER_ID)
                .setSentAt(now)
                .setReceivedAt(now)
                .setRawJson("{}");
    }

    static String readable(OutboundCommand c) {
        return switch (c.getKind()) {
            case TEXT -> c.getText().getBody();
            case BUTTONS, LIST, LOCATION_REQUEST ->
                c.getInteractive().getBody() + " "
                        + c.getInteractive().getButtons().stream()
                                .map(b -> "[" + b.getTitle() + "]")
                                .toList()
                        + c.getInteractive().getSections().stream()
                                .flatMap(s -> s.getRows().stream())
                                .map(r -> "[" + r.getTitle() + "]")
                                .toList();
            case LOCATION ->
                "📍 " + c.getLocation().getName() + " " + c.getLocation().getAddress();
            default -> c.getKind().name();
        };
    }

    @Override
    public void close() {
        producer.close();
        outbound.close();
        deliveries.close();
    }
}
