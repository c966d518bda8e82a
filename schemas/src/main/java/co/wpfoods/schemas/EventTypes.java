package co.wpfoods.schemas;

import org.apache.avro.specific.SpecificRecord;

/** The {@code event-type} header value of a record: its Avro simple name, e.g. {@code OrderPlaced}. */
public final class EventTypes {

    private EventTypes() {}

    public static String of(SpecificRecord record) {
        return record.getSchema().getName();
    }

    public static String of(Class<? extends SpecificRecord> type) {
        return SchemaCatalog.currentSchema(type).getName();
    }
}
