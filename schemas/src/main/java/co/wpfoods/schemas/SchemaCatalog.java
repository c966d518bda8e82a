package co.wpfoods.schemas;

import co.wpfoods.schemas.dispatch.Delivered;
import co.wpfoods.schemas.dispatch.DeliveryDelayed;
import co.wpfoods.schemas.dispatch.DeliveryFailed;
import co.wpfoods.schemas.dispatch.OfferDeclined;
import co.wpfoods.schemas.dispatch.OfferExpired;
import co.wpfoods.schemas.dispatch.OfferSent;
import co.wpfoods.schemas.dispatch.PickedUp;
import co.wpfoods.schemas.dispatch.WorkerAssigned;
import co.wpfoods.schemas.dispatch.WorkerOffline;
import co.wpfoods.schemas.dispatch.WorkerOnline;
import co.wpfoods.schemas.dispatch.WorkerRegistered;
import co.wpfoods.schemas.messaging.OutboundFailed;
import co.wpfoods.schemas.orders.OrderCancelled;
import co.wpfoods.schemas.orders.OrderConfirmed;
import co.wpfoods.schemas.orders.OrderDelivered;
import co.wpfoods.schemas.orders.OrderPickedUp;
import co.wpfoods.schemas.orders.OrderPlaced;
import co.wpfoods.schemas.orders.OrderPreparing;
import co.wpfoods.schemas.orders.OrderReady;
import co.wpfoods.schemas.payments.PaymentCompleted;
import co.wpfoods.schemas.payments.PaymentFailed;
import co.wpfoods.schemas.payments.PaymentRefunded;
import co.wpfoods.schemas.payments.PaymentRequested;
import co.wpfoods.schemas.privacy.ErasureConfirmed;
import co.wpfoods.schemas.privacy.ErasureRequested;
import co.wpfoods.schemas.restaurants.MenuPublished;
import co.wpfoods.schemas.restaurants.RestaurantRegistered;
import co.wpfoods.schemas.wa.DeliveryStatus;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundDeadLetter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every record type that travels on a WPFoods topic, and every schema version of it ever released.
 *
 * <p>Released versions live in {@code avro-released/<full name>/<n>.avsc} and are listed in
 * {@code avro-released/INDEX}. A reader resolves data written with any of them (or with the current schema) to the
 * current generated class.
 */
public final class SchemaCatalog {

    /** The generated classes of every top-level record that is published on a topic. */
    public static final List<Class<? extends SpecificRecord>> RECORD_CLASSES = List.of(
            InboundMessage.class,
            DeliveryStatus.class,
            OutboundCommand.class,
            OutboundDeadLetter.class,
            OutboundFailed.class,
            OrderPlaced.class,
            OrderConfirmed.class,
            OrderPreparing.class,
            OrderReady.class,
            OrderPickedUp.class,
            OrderDelivered.class,
            OrderCancelled.class,
            RestaurantRegistered.class,
            MenuPublished.class,
            WorkerRegistered.class,
            WorkerOnline.class,
            WorkerOffline.class,
            OfferSent.class,
            OfferDeclined.class,
            OfferExpired.class,
            WorkerAssigned.class,
            PickedUp.class,
            Delivered.class,
            DeliveryDelayed.class,
            DeliveryFailed.class,
            PaymentRequested.class,
            PaymentCompleted.class,
            PaymentFailed.class,
            PaymentRefunded.class,
            ErasureRequested.class,
            ErasureConfirmed.class);

    static final String RELEASED_ROOT = "avro-released/";

    private static final SchemaCatalog DEFAULT = load();

    /** A writer schema we know, and the current class that reads it. */
    public record Known(Schema writer, Class<? extends SpecificRecord> readerClass) {}

    private final Map<Long, Known> byFingerprint;
    private final Map<String, Class<? extends SpecificRecord>> classByName;
    private final Map<String, List<Schema>> releasedByName;

    private SchemaCatalog(
            Map<Long, Known> byFingerprint,
            Map<String, Class<? extends SpecificRecord>> classByName,
            Map<String, List<Schema>> releasedByName) {
        this.byFingerprint = Map.copyOf(byFingerprint);
        this.classByName = Map.copyOf(classByName);
        this.releasedByName = Map.copyOf(releasedByName);
    }

    public static SchemaCatalog get() {
        return DEFAULT;
    }

    public Optional<Known> byFingerprint(long fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    public Optional<Class<? extends SpecificRecord>> classFor(String fullName) {
        return Optional.ofNullable(classByName.get(fullName));
    }

    /** Released versions of one record, oldest first. */
    public List<Schema> released(String fullName) {
        return releasedByName.getOrDefault(fullName, List.of());
    }

    public Collection<Class<? extends SpecificRecord>> recordClasses() {
        return classByName.values();
    }

    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    public static Schema currentSchema(Class<? extends SpecificRecord> type) {
        return SpecificData.get().getSchema(type);
    }

    private static SchemaCatalog load() {
        List<Schema> released = new ArrayList<>();
        for (String path : readIndex()) {
            released.add(parseResource(RELEASED_ROOT + path));
        }
        return build(released);
    }

    /** A catalog of the current classes plus the given released versions (tests use it for older writers). */
    public static SchemaCatalog withReleased(List<Schema> releasedSchemas) {
        return build(releasedSchemas);
    }

    private static SchemaCatalog build(List<Schema> releasedSchemas) {
        Map<Long, Known> byFingerprint = new HashMap<>();
        Map<String, Class<? extends SpecificRecord>> classByName = new HashMap<>();
        for (Class<? extends SpecificRecord> type : RECORD_CLASSES) {
            Schema current = currentSchema(type);
            classByName.put(current.getFullName(), type);
            byFingerprint.put(fingerprint(current), new Known(current, type));
        }
        Map<String, List<Schema>> released = new HashMap<>();
        for (Schema schema : releasedSchemas) {
            Class<? extends SpecificRecord> reader = classByName.get(schema.getFullName());
            if (reader == null) {
                throw new IllegalStateException("Released schema " + schema.getFullName() + " has no current class");
            }
            released.computeIfAbsent(schema.getFullName(), k -> new ArrayList<>())
                    .add(schema);
            byFingerprint.putIfAbsent(fingerprint(schema), new Known(schema, reader));
        }
        return new SchemaCatalog(byFingerprint, classByName, released);
    }

    static List<String> readIndex() {
        try (InputStream in = resource(RELEASED_ROOT + "INDEX")) {
            if (in == null) {
                return List.of();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema parseResource(String path) {
        try (InputStream in = resource(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema resource " + path);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        return SchemaCatalog.class.getClassLoader().getResourceAsStream(path);
    }
}
