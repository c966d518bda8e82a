package co.wpfoods.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer for every WPFoods record value (Avro single-object encoding). */
public class AvroSerializer implements Serializer<SpecificRecord> {

    private final AvroSerde serde = AvroSerde.standard();

    @Override
    public byte[] serialize(String topic, SpecificRecord data) {
        return data == null ? null : serde.encode(data);
    }
}
