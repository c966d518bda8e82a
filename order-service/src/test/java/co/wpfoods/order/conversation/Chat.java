package co.wpfoods.order.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.wpfoods.schemas.Headers;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.wa.CartItem;
import co.wpfoods.schemas.wa.CartOrderContent;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.InboundMessageType;
import co.wpfoods.schemas.wa.LocationContent;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundKind;
import co.wpfoods.schemas.wa.ReplyContent;
import co.wpfoods.schemas.wa.ReplyKind;
import co.wpfoods.schemas.wa.Role;
import co.wpfoods.schemas.wa.TemplateComponentType;
import co.wpfoods.schemas.wa.WaUser;
import co.wpfoods.testing.KafkaServer;
import co.wpfoods.testing.KafkaTestConsumer;
import co.wpfoods.testing.fixtures.InboundMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * People chatting through the real topics: what they send goes to {@code wa.inbound.customer.v1} (or the restaurant
 * topic) as webhook-service publishes it; what they hear is read from {@code wa.outbound.v1}, in order, per person.
 */
final class Chat {

    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final KafkaTestConsumer outbound;
    private final Map<String, List<OutboundCommand>> heard = new ConcurrentHashMap<>();

    Chat(KafkaTemplate<String, SpecificRecord> kafka) {
        this.kafka = kafka;
        this.outbound = new KafkaTestConsumer(KafkaServer.shared().bootstrapServers(), Topics.WhatsApp.OUTBOUND);
    }

    synchronized void collect() {
        var all = outbound.poll();
        var byPerson = new ConcurrentHashMap<String, List<OutboundCommand>>();
        for (var record : all) {
            var command = (OutboundCommand) AvroSerde.standard().decode(record.value());
            byPerson.computeIfAbsent(command.getTo().getWaId(), k -> new CopyOnWriteArrayList<>())
                    .add(command);
        }
        heard.clear();
        heard.putAll(byPerson);
    }

    List<OutboundCommand> to(String waId) {
        collect();
        return heard.getOrDefault(waId, List.of());
    }

    Person customer(String waId, String name) {
        return new Person(waId, name, Role.CUSTOMER);
    }

    Person staff(String waId, String name) {
        return new Person(waId, name, Role.RESTAURANT);
    }

    /** What a person sees: a message's body, buttons and rows, and the ids behind them. */
    record Heard(OutboundCommand command) {
        String body() {
            return switch (command.getKind()) {
                case TEXT -> command.getText().getBody();
                case BUTTONS, LIST, LOCATION_REQUEST -> command.getInteractive().getBody();
                case LOCATION -> command.getLocation().getName();
                case TEMPLATE -> command.getTemplate().getName();
                default -> command.getKind().name();
            };
        }

        OutboundKind kind() {
            return command.getKind();
        }

        List<String> options() {
            if (command.getInteractive() == null) {
                return List.of();
            }
            return Stream.concat(
                            command.getInteractive().getButtons().stream()
                                    .map(b -> b.getTitle().toString()),
                            command.getInteractive().getSections().stream()
                                    .flatMap(s -> s.getRows().stream())
                                    .map(r -> r.getTitle().toString()))
                    .toList();
        }

        String idOf(String title) {
            var i = command.getInteractive();
            return Stream.concat(
                            i.getButtons().stream().map(b -> Map.entry(b.getTitle(), b.getId())),
                            i.getSections().stream()
                                    .flatMap(s -> s.getRows().stream())
                                    .map(r -> Map.entry(r.getTitle(), r.getId())))
                    .filter(e -> e.getKey().startsWith(title))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no option '" + title + "' in " + options()));
        }

        boolean isList() {
            return command.getKind() == OutboundKind.LIST;
        }

        /** A template's body parameters, in order. */
        List<String> templateBody() {
            return command.getTemplate().getComponents().stream()
                    .filter(c -> c.getType() == TemplateComponentType.BODY)
                    .flatMap(c -> c.getParameters().stream())
                    .map(p -> p.getText().toString())
                    .toList();
        }

        /** A template's quick-reply payloads, by button index. */
        List<String> templateQuickReplies() {
            return command.getTemplate().getComponents().stream()
                    .filter(c -> c.getType() == TemplateComponentType.BUTTON)
                    .sorted(java.util.Comparator.comparing(c -> c.getIndex()))
                    .map(c -> c.getParameters().getFirst().getText().toString())
                    .toList();
        }

        @Override
        public String toString() {
            return command.getKind() + ": " + body() + " " + options();
        }
    }

    final class Person {
        final String waId;
        final String name;
        final Role role;
        int cursor;
        int sent;

        Person(String waId, String name, Role role) {
            this.waId = waId;
            this.name = name;
            this.role = role;
        }

        String topic() {
            return role == Role.CUSTOMER ? Topics.WhatsApp.INBOUND_CUSTOMER : Topics.WhatsApp.INBOUND_RESTAURANT;
        }

        InboundMessage base(String body) {
            var message = InboundMessages.text(waId, body, role);
            message.getFrom().setProfileName(name);
            return message;
        }

        InboundMessage says(String text) {
            return send(base(text));
        }

        InboundMessage taps(Heard message, String title) {
            return tapsId(message.idOf(title), title, message.isList());
        }

        InboundMessage tapsId(String id, String title, boolean listRow) {
            var m = base("tap");
            m.setType(InboundMessageType.INTERACTIVE);
            m.setMetaType("interactive");
            m.setText(null);
            m.setReply(ReplyContent.newBuilder()
                    .setKind(listRow ? ReplyKind.LIST_REPLY : ReplyKind.BUTTON_REPLY)
                    .setId(id)
                    .setTitle(title)
                    .build());
            return send(m);
        }

        /** A tap on a template's quick reply: Meta sends its payload as a {@code button} message. */
        InboundMessage tapsTemplateButton(String payload, String text) {
            var m = base("button");
            m.setType(InboundMessageType.BUTTON);
            m.setMetaType("button");
            m.setText(null);
            m.setReply(ReplyContent.newBuilder()
                    .setKind(ReplyKind.TEMPLATE_BUTTON)
                    .setId(payload)
                    .setTitle(text)
                    .build());
            return send(m);
        }

        InboundMessage sharesLocation(double latitude, double longitude) {
            var m = base("location");
            m.setType(InboundMessageType.LOCATION);
            m.setMetaType("location");
            m.setText(null);
            m.setLocation(LocationContent.newBuilder()
                    .setLatitude(latitude)
                    .setLongitude(longitude)
                    .setName("Mi casa")
                    .setAddress("Calle 63 # 10-20, Chapinero")
                    .build());
            return send(m);
        }

        InboundMessage sendsCatalogCart(Map<String, Integer> items) {
            var m = base("order");
            m.setType(InboundMessageType.ORDER);
            m.setMetaType("order");
            m.setText(null);
            var lines = new ArrayList<CartItem>();
            items.forEach((id, qty) -> lines.add(CartItem.newBuilder()
                    .setProductRetailerId(id)
                    .setQuantity(qty)
                    .setItemPrice("1")
                    .setCurrency("COP")
                    .build()));
            m.setOrder(CartOrderContent.newBuilder().setItems(lines).build());
            return send(m);
        }

        InboundMessage send(InboundMessage message) {
            return send(message, "evt-" + message.getMessageId());
        }

        /** Publishes the record with this event id (the same id twice is a Kafka redelivery). */
        InboundMessage send(InboundMessage message, String eventId) {
            var record = new ProducerRecord<String, SpecificRecord>(topic(), waId, message);
            record.headers().add(Headers.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
            try {
                kafka.send(record).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            sent++;
            return message;
        }

        /** The next message to this person. */
        Heard hears() {
            collect();
            var ready = heard.getOrDefault(waId, List.of());
            if (ready.size() > cursor) {
                return new Heard(ready.get(cursor++));
            }
            var list = await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> to(waId), l -> l.size() > cursor);
            return new Heard(list.get(cursor++));
        }

        /** The next message whose body matches, skipping others (staff hear about many orders). */
        Heard hearsAbout(Predicate<String> body) {
            while (true) {
                var next = hears();
                if (body.test(next.body())) {
                    return next;
                }
            }
        }

        Heard hearsAbout(String fragment) {
            return hearsAbout(b -> b.contains(fragment));
        }

        /** Nothing more than what was read so far arrived (checked after a later reply proved the queue moved). */
        void heardNothingElse() {
            assertThat(to(waId).subList(cursor, to(waId).size()))
                    .as("unexpected messages to " + waId)
                    .isEmpty();
        }

        List<String> allBodies() {
            return to(waId).stream().map(c -> new Heard(c).body()).collect(Collectors.toList());
        }

        WaUser user() {
            return WaUser.newBuilder().setWaId(waId).build();
        }
    }

    void close() {
        outbound.close();
    }
}
