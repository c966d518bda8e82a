package co.wpfoods.schemas.serde;

import co.wpfoods.schemas.SchemaCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro single-object encoding: {@code C3 01}, the writer schema's 64-bit parsing fingerprint (little endian), then
 * the binary datum. The fingerprint tells the reader which record type and which version wrote the bytes.
 */
public final class AvroSerde {

    static final byte MARKER_0 = (byte) 0xC3;
    static final byte MARKER_1 = (byte) 0x01;
    static final int HEADER_LENGTH = 10;

    static {
        // Avro only instantiates classes it trusts; ours are the generated contracts
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                ClassSecurityValidator.getGlobal(), type -> type.getName().startsWith("co.wpfoods.schemas.")));
    }

    private final SchemaCatalog catalog;

    public AvroSerde(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    public static AvroSerde standard() {
        return new AvroSerde(SchemaCatalog.get());
    }

    /** The fingerprint of each generated class's schema, computed once. */
    private static final ClassValue<Long> FINGERPRINTS = new ClassValue<>() {
        @Override
        protected Long computeValue(Class<?> type) {
            return SchemaCatalog.fingerprint(
                    org.apache.avro.specific.SpecificData.get().getSchema(type));
        }
    };

    /**
     * Encodes a record whose schema the catalog knows; refuses any other, which no reader could decode (a new
     * top-level record must be listed in {@link SchemaCatalog#RECORD_CLASSES}).
     */
    public byte[] encode(SpecificRecord record) {
        var out = new ByteArrayOutputStream(256);
        long fingerprint = FINGERPRINTS.get(record.getClass());
        if (catalog.byFingerprint(fingerprint).isEmpty()) {
            throw new IllegalArgumentException(record.getSchema().getFullName()
                    + " is not a record the schema catalog knows: list it in SchemaCatalog.RECORD_CLASSES");
        }
        out.write(MARKER_0);
        out.write(MARKER_1);
        out.writeBytes(ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(fingerprint)
                .array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Decodes any known record; throws {@link UnknownSchemaException} or {@link MalformedRecordException}. */
    public SpecificRecord decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new MalformedRecordException("Not Avro single-object encoded (missing C3 01 header)");
        }
        long fingerprint =
                ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        SchemaCatalog.Known known =
                catalog.byFingerprint(fingerprint).orElseThrow(() -> new UnknownSchemaException(fingerprint));
        var reader = new SpecificDatumReader<SpecificRecord>(
                known.writer(), SchemaCatalog.currentSchema(known.readerClass()));
        BinaryDecoder decoder =
                DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, null);
        try {
            SpecificRecord record = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new MalformedRecordException(
                        "Trailing bytes after the " + known.writer().getFullName() + " datum");
            }
            return record;
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedRecordException m) {
                throw m;
            }
            throw new MalformedRecordException("Cannot decode " + known.writer().getFullName() + ": " + e, e);
        }
    }

    public <T extends SpecificRecord> T decode(byte[] bytes, Class<T> expected) {
        SpecificRecord record = decode(bytes);
        if (!expected.isInstance(record)) {
            throw new MalformedRecordException("Expected " + expected.getSimpleName() + " but got "
                    + record.getSchema().getFullName());
        }
        return expected.cast(record);
    }

    /** The bytes are not a well-formed datum of the schema their fingerprint names. */
    public static final class MalformedRecordException extends RuntimeException {
        public MalformedRecordException(String message) {
            super(message);
        }

        public MalformedRecordException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The fingerprint names no schema this build knows: a newer writer, or not a WPFoods record. */
    public static final class UnknownSchemaException extends RuntimeException {
        public UnknownSchemaException(long fingerprint) {
            super("Unknown writer schema fingerprint " + Long.toHexString(fingerprint));
        }
    }
}
