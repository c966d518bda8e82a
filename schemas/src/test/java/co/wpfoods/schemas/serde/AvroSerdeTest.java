package co.wpfoods.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.schemas.SchemaCatalog;
import co.wpfoods.schemas.orders.CancellationReason;
import co.wpfoods.schemas.orders.OrderCancelled;
import co.wpfoods.schemas.orders.OrderConfirmed;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.InboundMessageType;
import co.wpfoods.schemas.wa.TextContent;
import co.wpfoods.schemas.wa.WaUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final AvroSerde serde = AvroSerde.standard();

    @Test
    void a_record_survives_encoding_and_the_fingerprint_names_its_type() {
        InboundMessage message = InboundMessage.newBuilder()
                .setMessageId("wamid.HBgM1")
                .setType(InboundMessageType.TEXT)
                .setMetaType("text")
                .setFrom(WaUser.newBuilder().setWaId("573001234567").build())
                .setPhoneNumberId("106540352242922")
                .setSentAt(Instant.parse("2026-01-01T00:00:00Z"))
                .setReceivedAt(Instant.parse("2026-01-01T00:00:01Z"))
                .setText(TextContent.newBuilder()
                        .setBody("kiero 2 hamburgesas 🍔")
                        .build())
                .setRawJson("{}")
                .build();

        byte[] bytes = serde.encode(message);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(serde.decode(bytes)).isEqualTo(message);
        assertThat(serde.decode(bytes, InboundMessage.class).getText().getBody())
                .isEqualTo("kiero 2 hamburgesas 🍔");
    }

    @Test
    void two_types_on_one_topic_are_told_apart_by_the_fingerprint() {
        var confirmed = OrderConfirmed.newBuilder()
                .setOrderId("o-1")
                .setRestaurantId("r-1")
                .setOccurredAt(Instant.EPOCH)
                .build();
        var cancelled = OrderCancelled.newBuilder()
                .setOrderId("o-1")
                .setRestaurantId("r-1")
                .setReason(CancellationReason.CUSTOMER_REQUEST)
                .setOccurredAt(Instant.EPOCH)
                .build();

        assertThat(serde.decode(serde.encode(confirmed))).isInstanceOf(OrderConfirmed.class);
        assertThat(serde.decode(serde.encode(cancelled))).isInstanceOf(OrderCancelled.class);
    }

    @Test
    void data_written_by_an_older_released_version_is_read_into_the_current_class() throws IOException {
        // an older OrderCancelled, before 'detail' existed
        Schema older = new Schema.Parser().parse("""
                        {"type":"record","name":"OrderCancelled","namespace":"co.wpfoods.schemas.orders","fields":[
                          {"name":"orderId","type":"string"},
                          {"name":"restaurantId","type":"string"},
                          {"name":"reason","type":{"type":"enum","name":"CancellationReason",
                            "symbols":["CUSTOMER_REQUEST","RESTAURANT_REJECTED","RESTAURANT_TIMEOUT","NO_WORKER","PAYMENT_FAILED","OTHER"],
                            "default":"OTHER"}},
                          {"name":"occurredAt","type":{"type":"long","logicalType":"timestamp-millis"}}]}
                        """);
        GenericRecord old = new GenericData.Record(older);
        old.put("orderId", "o-7");
        old.put("restaurantId", "r-2");
        old.put("reason", new GenericData.EnumSymbol(older.getField("reason").schema(), "NO_WORKER"));
        old.put("occurredAt", 1_700_000_000_000L);
        byte[] bytes = singleObject(older, old);

        var reader = new AvroSerde(SchemaCatalog.withReleased(List.of(older)));
        OrderCancelled current = reader.decode(bytes, OrderCancelled.class);

        assertThat(current.getOrderId()).isEqualTo("o-7");
        assertThat(current.getReason()).isEqualTo(CancellationReason.NO_WORKER);
        assertThat(current.getDetail()).isNull();
        assertThatThrownBy(() -> serde.decode(bytes))
                .as("a catalog that does not know the older version refuses it")
                .isInstanceOf(AvroSerde.UnknownSchemaException.class);
    }

    @Test
    void a_record_type_the_catalog_does_not_know_is_refused_when_encoding() {
        // a generated nested record, not a top-level event
        var line = co.wpfoods.schemas.orders.OrderLine.newBuilder()
                .setItemId("i")
                .setName("Bandeja paisa")
                .setQuantity(1)
                .setUnitPriceCop(32_000)
                .build();

        assertThatThrownBy(() -> serde.encode(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RECORD_CLASSES");
    }

    @Test
    void bytes_without_the_single_object_header_are_malformed() {
        assertThatThrownBy(() -> serde.decode("{\"json\":true}".getBytes()))
                .isInstanceOf(AvroSerde.MalformedRecordException.class)
                .hasMessageContaining("C3 01");
    }

    @Test
    void trailing_bytes_after_a_datum_are_malformed() {
        var confirmed = OrderConfirmed.newBuilder()
                .setOrderId("o-1")
                .setRestaurantId("r-1")
                .setOccurredAt(Instant.EPOCH)
                .build();
        byte[] bytes = serde.encode(confirmed);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);

        assertThatThrownBy(() -> serde.decode(longer)).isInstanceOf(AvroSerde.MalformedRecordException.class);
    }

    @Test
    void decoding_to_the_wrong_expected_type_says_what_arrived() {
        var confirmed = OrderConfirmed.newBuilder()
                .setOrderId("o-1")
                .setRestaurantId("r-1")
                .setOccurredAt(Instant.EPOCH)
                .build();

        assertThatThrownBy(() -> serde.decode(serde.encode(confirmed), OrderCancelled.class))
                .hasMessageContaining("Expected OrderCancelled")
                .hasMessageContaining("OrderConfirmed");
    }

    static byte[] singleObject(Schema schema, GenericRecord record) throws IOException {
        var out = new ByteArrayOutputStream();
        out.write(0xC3);
        out.write(0x01);
        out.writeBytes(ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(SchemaCatalog.fingerprint(schema))
                .array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
