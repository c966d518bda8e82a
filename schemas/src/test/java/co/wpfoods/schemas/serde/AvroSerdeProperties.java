package co.wpfoods.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.schemas.orders.OrderLine;
import co.wpfoods.schemas.orders.OrderPlaced;
import co.wpfoods.schemas.orders.PaymentMethod;
import co.wpfoods.schemas.wa.WaUser;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.avro.specific.SpecificRecord;

class AvroSerdeProperties {

    private final AvroSerde serde = AvroSerde.standard();

    @Property
    void any_bytes_either_decode_or_fail_with_one_of_our_two_errors(@ForAll @Size(max = 64) byte[] bytes) {
        assertDecodesOrFailsCleanly(bytes);
    }

    @Property
    void a_corrupted_valid_record_decodes_or_fails_cleanly(
            @ForAll("orders") OrderPlaced order,
            @ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll byte noise) {
        byte[] bytes = serde.encode(order);
        bytes[position % bytes.length] ^= (byte) (noise | 1);

        assertDecodesOrFailsCleanly(bytes);
    }

    @Property
    void any_order_round_trips(@ForAll("orders") OrderPlaced order) {
        assertThat(serde.decode(serde.encode(order))).isEqualTo(order);
    }

    private void assertDecodesOrFailsCleanly(byte[] bytes) {
        try {
            SpecificRecord record = serde.decode(bytes);
            assertThat(record).isNotNull();
        } catch (AvroSerde.MalformedRecordException | AvroSerde.UnknownSchemaException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<OrderPlaced> orders() {
        Arbitrary<OrderLine> lines = Arbitraries.strings()
                .ofMinLength(1)
                .ofMaxLength(30)
                .flatMap(name -> Arbitraries.integers()
                        .between(1, 20)
                        .flatMap(q -> Arbitraries.longs()
                                .between(0, 500_000)
                                .map(price -> OrderLine.newBuilder()
                                        .setItemId("item-" + name.hashCode())
                                        .setName(name)
                                        .setQuantity(q)
                                        .setUnitPriceCop(price)
                                        .setModifiers(List.of())
                                        .build())));
        return lines.list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .flatMap(list -> Arbitraries.of(PaymentMethod.values())
                        .map(method -> OrderPlaced.newBuilder()
                                .setOrderId("o-" + list.hashCode())
                                .setReference("8841")
                                .setCustomer(WaUser.newBuilder()
                                        .setWaId("573001234567")
                                        .build())
                                .setRestaurantId("r-1")
                                .setLines(list)
                                .setSubtotalCop(list.stream()
                                        .mapToLong(l -> l.getUnitPriceCop() * l.getQuantity())
                                        .sum())
                                .setDeliveryFeeCop(5_000)
                                .setTotalCop(0)
                                .setPaymentMethod(method)
                                .setOccurredAt(Instant.ofEpochMilli(1_767_225_600_000L))
                                .build()));
    }
}
