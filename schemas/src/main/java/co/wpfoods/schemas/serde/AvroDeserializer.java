package co.wpfoods.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for every WPFoods record value. Resolves any released writer version to the current class; the
 * fingerprint decides the type, so several event types can share a topic. Wrap it in Spring Kafka's
 * {@code ErrorHandlingDeserializer} so that undecodable records go to the dead-letter topic.
 */
public class AvroDeserializer implements Deserializer<SpecificRecord> {

    private final AvroSerde serde = AvroSerde.standard();

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        return data == null ? null : serde.decode(data);
    }
}
